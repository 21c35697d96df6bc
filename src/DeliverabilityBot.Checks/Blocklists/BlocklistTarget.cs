namespace DeliverabilityBot.Checks.Blocklists;

/// <summary>What a DNS blocklist lists.</summary>
public enum BlocklistTarget
{
    /// <summary>IP addresses, queried as reversed octets (or nibbles) under the zone (RFC 5782 section 2.1).</summary>
    Ip,

    /// <summary>Domain names, queried as the name under the zone (RFC 5782 section 2.3).</summary>
    Domain,
}
