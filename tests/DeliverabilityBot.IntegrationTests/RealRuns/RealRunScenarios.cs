using System.Net;
using DeliverabilityBot.IntegrationTests.Postfix;

namespace DeliverabilityBot.IntegrationTests.RealRuns;

/// <summary>
/// The five stories of the real run, small enough to count by hand (but for the healthy bulk beside the one-IP block). Each scenario has its own streams
/// and sending IPs (127.0.0.x inside the namespace), so the fake receivers can tell them apart by the
/// connecting IP as real receivers do.
/// </summary>
public static class RealRunScenarios
{
    private static SendingStream Stream(string domain, string transport, int lastOctet) => new(domain, transport, IPAddress.Parse($"127.0.0.{lastOctet}"));

    /// <summary>Proofpoint (at iCloud's edge) blocks one of three IPs; the others deliver but for one unknown user and one [CS01] rejection.</summary>
    public static RealRunScenario ProofpointIp { get; } = Build("proofpoint-ip",
        "iCloud's edge refuses every RCPT from one of three sending IPs with a Proofpoint PDR block; the other two IPs deliver (one unknown user, one [CS01] rejection after DATA); Gmail delivers everything",
        "icloud", "DIAG1001",
        [Stream("news.example", "news", 11), Stream("shop.example", "shop", 12), Stream("alerts.example", "alerts", 13)],
        s => [
            .. Recipients(s[0], "icloud.com", "pp", 5),
            .. Recipients(s[1], "icloud.com", "ok", 4), (s[1], "gone-shop1@icloud.com"),
            .. Recipients(s[2], "icloud.com", "ok", 3), (s[2], "policy-alerts1@icloud.com"),
            .. Recipients(s[0], "gmail.com", "ok", 2), .. Recipients(s[1], "gmail.com", "ok", 2), .. Recipients(s[2], "gmail.com", "ok", 2),
        ]);

    /// <summary>iCloud refuses connections from both IPs with 421 4.7.0 for a while; most mail then delivers, two recipients stay deferred until they expire.</summary>
    public static RealRunScenario ICloudDeferrals { get; } = Build("icloud-deferrals",
        "iCloud refuses every session from both sending IPs at greeting with 421 4.7.0 for an episode; afterwards most mail delivers on retry, two recipients keep getting 421 4.7.0 at RCPT until the queue gives up (status=expired)",
        "icloud", "DIAG1002",
        [Stream("letters.example", "letters", 21), Stream("offers.example", "offers", 22)],
        s => [
            .. Recipients(s[0], "icloud.com", "ok", 5), (s[0], "late-letters1@icloud.com"),
            .. Recipients(s[1], "icloud.com", "ok", 5), (s[1], "late-offers1@icloud.com"),
            .. Recipients(s[0], "gmail.com", "ok", 2),
        ]);

    /// <summary>Gmail rate-limits one IP with 421-4.7.28; most deferred mail delivers on retry, two recipients expire.</summary>
    public static RealRunScenario GmailRateLimit { get; } = Build("gmail-rate-limit",
        "Gmail answers end of DATA from one IP with the multi-line 421-4.7.28 unusual-rate limit: four recipients deliver after two deferrals, two are deferred until they expire, four deliver at once; iCloud delivers",
        "gmail", "DIAG1015",
        [Stream("digest.example", "digest", 31)],
        s => [
            .. Recipients(s[0], "gmail.com", "rl", 4), .. Recipients(s[0], "gmail.com", "rlx", 2), .. Recipients(s[0], "gmail.com", "ok", 4),
            .. Recipients(s[0], "icloud.com", "ok", 2),
        ]);

    /// <summary>The control: two IPs, everything delivered at the first attempt.</summary>
    public static RealRunScenario Healthy { get; } = Build("healthy",
        "the control: two sending IPs, iCloud and Gmail accept every message at the first attempt",
        "icloud", "DIAG1010",
        [Stream("receipts.example", "receipts", 41), Stream("account.example", "account", 42)],
        s => [
            .. Recipients(s[0], "icloud.com", "ok", 4), .. Recipients(s[1], "icloud.com", "ok", 4),
            .. Recipients(s[0], "gmail.com", "ok", 3), .. Recipients(s[1], "gmail.com", "ok", 3),
        ]);

    /// <summary>
    /// Proofpoint blocks one IP whose iCloud mail is a sliver of the whole (5 of 305 messages, 1.6%): receiver-wide
    /// nothing looks wrong, yet every message from that IP is lost (the "38 of 38 blocks, 1.3% receiver-wide").
    /// </summary>
    public static RealRunScenario ProofpointOneIp { get; } = Build("proofpoint-one-ip",
        "iCloud's edge refuses every RCPT from one of three sending IPs with a Proofpoint PDR block; that IP carries 5 of the 305 iCloud messages (1.6%), the other two IPs deliver all of theirs",
        "icloud", "DIAG1011",
        [Stream("promo.example", "promo", 51), Stream("orders.example", "orders", 52), Stream("notices.example", "notices", 53)],
        s => [.. Recipients(s[0], "icloud.com", "pp", 5), .. Recipients(s[1], "icloud.com", "ok", 150), .. Recipients(s[2], "icloud.com", "ok", 150)]);

    /// <summary>All of them.</summary>
    public static IReadOnlyList<RealRunScenario> All { get; } = [ProofpointIp, ICloudDeferrals, GmailRateLimit, Healthy, ProofpointOneIp];

    private static RealRunScenario Build(string name, string description, string receiver, string top, SendingStream[] streams,
        Func<SendingStream[], IEnumerable<(SendingStream, string)>> messages) =>
        new(name, description, receiver, top, streams, [.. messages(streams)]);

    private static IEnumerable<(SendingStream, string)> Recipients(SendingStream stream, string domain, string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => (stream, $"{prefix}-{stream.Transport}{i}@{domain}"));
}
