namespace DeliverabilityBot.Core.Checks;

/// <summary>What a DNS check looks at.</summary>
public enum CheckKind
{
    /// <summary>The sending domain's SPF record (RFC 7208) and whether it authorises our sending IPs.</summary>
    Spf,

    /// <summary>A DKIM public key record, <c>selector._domainkey.domain</c> (RFC 6376).</summary>
    Dkim,

    /// <summary>The DMARC policy record, <c>_dmarc.domain</c> (RFC 7489).</summary>
    Dmarc,

    /// <summary>Reverse DNS of a sending IP and whether it is forward-confirmed (FCrDNS).</summary>
    ReverseDns,

    /// <summary>The sending domain's MX records (RFC 5321 section 5.1, null MX RFC 7505).</summary>
    Mx,

    /// <summary>A DNS blocklist listing of a sending IP or domain (RFC 5782).</summary>
    Blocklist,
}
