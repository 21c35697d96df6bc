namespace DeliverabilityBot.Checks.Blocklists;

/// <summary>
/// The blocklists checked by default, with the return codes as their operators document them. Spamhaus: the zones
/// table of its data documentation and the 2019 return-code notice (127.255.255.0/24 are query errors, never
/// reputation); Barracuda: BRBL usage (127.0.0.2, querying DNS servers must be registered); SpamCop: its blocking list
/// FAQ (127.0.0.2).
/// </summary>
public static class KnownBlocklists
{
    private const string SpamhausZones = "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html";

    private static readonly ReturnCode[] SpamhausErrors =
    [
        new("127.255.255.252", "query error: typing error in the DNSBL name (Spamhaus), not a listing", false),
        new("127.255.255.254", "query refused: asked through a public or open resolver (Spamhaus), not a listing", false),
        new("127.255.255.255", "query refused: excessive number of queries (Spamhaus), not a listing", false),
    ];

    /// <summary>Spamhaus ZEN: SBL, CSS, DROP, XBL and PBL in one zone.</summary>
    public static DnsBlocklist SpamhausZen { get; } = new()
    {
        Zone = "zen.spamhaus.org",
        Name = "Spamhaus ZEN",
        Target = BlocklistTarget.Ip,
        Codes =
        [
            new("127.0.0.2", "SBL: Spamhaus Blocklist (spam sources and spam operations)", true),
            new("127.0.0.3", "SBL CSS: Spamhaus's automated snowshoe and low-reputation spam listing", true),
            new("127.0.0.4", "XBL: exploited host (infected or hijacked machine)", true),
            new("127.0.0.9", "SBL DROP: hijacked or criminal network (always with SBL)", true),
            new("127.0.0.10", "PBL: an ISP says this range should not send mail directly to other servers", true),
            new("127.0.0.11", "PBL: Spamhaus says this range should not send mail directly to other servers", true),
            new("127.0.0.30", "BCL: botnet controller", true),
            .. SpamhausErrors,
        ],
        ErrorPrefix = "127.255.255.",
        TestEntry = "127.0.0.2",
        ListsIpv6 = true,
        Source = SpamhausZones,
        LookupUrl = "https://check.spamhaus.org/results/?query={0}",
        Note = "Spamhaus answers queries sent through public resolvers (Google, Cloudflare, Quad9, ...) with 127.255.255.254: use your own recursive resolver or a Data Query Service key.",
    };

    /// <summary>Spamhaus DBL: domains with poor reputation.</summary>
    public static DnsBlocklist SpamhausDbl { get; } = new()
    {
        Zone = "dbl.spamhaus.org",
        Name = "Spamhaus DBL",
        Target = BlocklistTarget.Domain,
        Codes =
        [
            new("127.0.1.2", "low-reputation domain (spam)", true),
            new("127.0.1.4", "phishing domain", true),
            new("127.0.1.5", "malware domain", true),
            new("127.0.1.6", "botnet command-and-control domain", true),
            new("127.0.1.102", "abused legitimate domain (spam)", true),
            new("127.0.1.103", "abused legitimate domain used as a redirector or URL shortener", true),
            new("127.0.1.104", "abused legitimate domain (phishing)", true),
            new("127.0.1.105", "abused legitimate domain (malware)", true),
            new("127.0.1.106", "abused legitimate domain (botnet C&C)", true),
            new("127.0.1.255", "query error: IP addresses cannot be queried in the DBL, not a listing", false),
            .. SpamhausErrors,
        ],
        ErrorPrefix = "127.255.255.",
        TestEntry = "dbltest.com",
        Source = SpamhausZones,
        LookupUrl = "https://check.spamhaus.org/results/?query={0}",
        Note = "Spamhaus answers queries sent through public resolvers with 127.255.255.254.",
    };

    /// <summary>Barracuda Reputation Block List.</summary>
    public static DnsBlocklist Barracuda { get; } = new()
    {
        Zone = "b.barracudacentral.org",
        Name = "Barracuda BRBL",
        Target = BlocklistTarget.Ip,
        Codes = [new("127.0.0.2", "listed on the Barracuda Reputation Block List", true)],
        TestEntry = "127.0.0.2",
        Source = "https://barracudacentral.org/rbl/",
        LookupUrl = "https://barracudacentral.org/rbl/removal-request",
        Note = "Barracuda answers only DNS servers registered with it (barracudacentral.org/account/register): an unregistered resolver's 'not listed' says nothing, which the test entry shows.",
    };

    /// <summary>SpamCop Blocking List.</summary>
    public static DnsBlocklist SpamCop { get; } = new()
    {
        Zone = "bl.spamcop.net",
        Name = "SpamCop",
        Target = BlocklistTarget.Ip,
        Codes = [new("127.0.0.2", "listed on the SpamCop Blocking List (reported by SpamCop users or spam traps)", true)],
        TestEntry = "127.0.0.2",
        Source = "https://www.spamcop.net/bl.shtml",
        LookupUrl = "https://www.spamcop.net/bl.shtml?{0}",
        Note = "SpamCop listings expire by themselves about 24 hours after the last report; there is no removal request.",
    };

    /// <summary>The lists checked when none are configured.</summary>
    public static IReadOnlyList<DnsBlocklist> Defaults { get; } = [SpamhausZen, Barracuda, SpamCop, SpamhausDbl];

    /// <summary>A known list by zone, or a generic one (any 127.0.0.0/8 answer is a listing, RFC 5782).</summary>
    public static DnsBlocklist ForZone(string zone, BlocklistTarget target)
    {
        var known = Defaults.FirstOrDefault(l => string.Equals(l.Zone, zone, StringComparison.OrdinalIgnoreCase));
        return known ?? new DnsBlocklist
        {
            Zone = zone.ToLowerInvariant(),
            Name = zone.ToLowerInvariant(),
            Target = target,
            TestEntry = target == BlocklistTarget.Ip ? "127.0.0.2" : "test",
            Source = "https://www.rfc-editor.org/rfc/rfc5782",
        };
    }
}
