using System.Globalization;
using System.Net;
using DeliverabilityBot.Checks.Domain;

namespace DeliverabilityBot.Checks;

/// <summary>Settings of the DNS checks (configuration section <c>Checks</c>).</summary>
public sealed class ChecksOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Checks";

    /// <summary>False switches every lookup off: checks answer "cannot check" (tests and off-line hosts). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>DNS servers to ask, each <c>IP</c>, <c>IP:port</c> or <c>[IPv6]:port</c>; empty takes the system's.</summary>
    public List<string> NameServers { get; set; } = [];

    /// <summary>How long to wait for one DNS answer. Default 2 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after a timeout, per lookup. Default 1.</summary>
    public int Retries { get; set; } = 1;

    /// <summary>The longest a whole run may take; lookups still open then are reported as not answered. Default 15 seconds.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Our sending IPs; empty takes the busiest ones in the stored history.</summary>
    public List<string> SendingIps { get; set; } = [];

    /// <summary>Our sending domains (envelope and From); empty takes the busiest ones in the stored history.</summary>
    public List<string> SendingDomains { get; set; } = [];

    /// <summary>DKIM selectors: <c>selector</c> (for every sending domain) or <c>selector._domainkey.domain</c>.</summary>
    public List<string> DkimSelectors { get; set; } = [];

    /// <summary>IP blocklist zones; empty checks Spamhaus ZEN, Barracuda BRBL and SpamCop.</summary>
    public List<string> IpBlocklists { get; set; } = [];

    /// <summary>Domain blocklist zones; empty checks Spamhaus DBL.</summary>
    public List<string> DomainBlocklists { get; set; } = [];

    /// <summary>At most this many IPs are checked in one run. Default 8.</summary>
    public int MaxIps { get; set; } = 8;

    /// <summary>At most this many domains are checked in one run. Default 4.</summary>
    public int MaxDomains { get; set; } = 4;

    /// <summary>Validates the settings; throws naming the bad one.</summary>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException($"{Section}:{nameof(Timeout)} must be positive (was {Timeout}).");
        if (RunTimeout <= TimeSpan.Zero) throw new ArgumentException($"{Section}:{nameof(RunTimeout)} must be positive (was {RunTimeout}).");
        if (Retries is < 0 or > 5) throw new ArgumentException($"{Section}:{nameof(Retries)} must be 0 to 5 (was {Retries}).");
        if (MaxIps < 1 || MaxDomains < 1) throw new ArgumentException($"{Section}:{nameof(MaxIps)} and {Section}:{nameof(MaxDomains)} must be at least 1.");
        _ = NameServerEndPoints();
        for (var i = 0; i < SendingIps.Count; i++)
            if (!Dns.IpText.IsIp(SendingIps[i])) throw new ArgumentException($"{Section}:{nameof(SendingIps)}:{i} '{SendingIps[i]}' is not an IP address.");
        for (var i = 0; i < SendingDomains.Count; i++)
            if (!DomainNames.IsValid(DomainNames.Normalize(SendingDomains[i]))) throw new ArgumentException($"{Section}:{nameof(SendingDomains)}:{i} '{SendingDomains[i]}' is not a domain name.");
        for (var i = 0; i < DkimSelectors.Count; i++)
            if (ParseSelector(DkimSelectors[i]) is null) throw new ArgumentException($"{Section}:{nameof(DkimSelectors)}:{i} '{DkimSelectors[i]}' is neither a selector nor selector._domainkey.domain.");
        foreach (var (zones, name) in new[] { (IpBlocklists, nameof(IpBlocklists)), (DomainBlocklists, nameof(DomainBlocklists)) })
            for (var i = 0; i < zones.Count; i++)
                if (!DomainNames.IsValid(DomainNames.Normalize(zones[i]))) throw new ArgumentException($"{Section}:{name}:{i} '{zones[i]}' is not a DNS zone name.");
    }

    /// <summary>The configured name servers as end points (port 53 unless given).</summary>
    public IReadOnlyList<IPEndPoint> NameServerEndPoints()
    {
        var list = new List<IPEndPoint>();
        for (var i = 0; i < NameServers.Count; i++)
        {
            var text = NameServers[i].Trim();
            if (Dns.IpText.TryParse(text, out var bare)) list.Add(new IPEndPoint(bare, 53));
            else if (IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port > 0 && Dns.IpText.IsIp(text.StartsWith('[') ? text[1..text.IndexOf(']')] : text[..text.LastIndexOf(':')])) list.Add(endPoint);
            else throw new ArgumentException($"{Section}:{nameof(NameServers)}:{i} '{text}' is not an IP address, IP:port or [IPv6]:port.");
        }
        return list;
    }

    /// <summary>A configured selector: (domain or null for every sending domain, selector); null when malformed.</summary>
    public static (string? Domain, string Selector)? ParseSelector(string text)
    {
        var t = DomainNames.Normalize(text);
        if (t.EndsWith("._domainkey", StringComparison.Ordinal) || t == "_domainkey") return null;
        var at = t.IndexOf("._domainkey.", StringComparison.Ordinal);
        if (at > 0)
        {
            var domain = t[(at + "._domainkey.".Length)..];
            return DomainNames.IsValid(domain) && IsSelector(t[..at]) ? (domain, t[..at]) : null;
        }
        return IsSelector(t) ? (null, t) : null;
    }

    /// <summary>True for a selector: dot-separated labels of letters, digits, hyphens and underscores (RFC 6376 section 3.1).</summary>
    public static bool IsSelector(string s) =>
        s.Length is > 0 and <= 200 && s.Split('.').All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

    /// <summary>Seconds as text for messages ("2", "0.5").</summary>
    internal string TimeoutText => Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
