using System.Globalization;
using System.Text;

namespace DeliverabilityBot.Server.Demo;

/// <summary>
/// Generates a realistic day of Postfix log (RFC 3339 timestamps) for the demo: normal deliveries to Gmail,
/// Yahoo/AOL and Outlook/Hotmail, and an iCloud episode built from facts.md's real reply texts: from six hours in,
/// <c>421 4.7.0 Deferred</c> on about a third of attempts (retries included), Proofpoint blocks (<c>550 5.7.0 Blocked - see
/// https://ipcheck.proofpoint.com/?ip=...</c>) and a few <c>[CS01]</c> rejections, then queue expiries of the
/// messages deferred all along (this demo MTA's <c>maximal_queue_lifetime</c> is 8 hours). Deterministic per seed.
/// </summary>
public static class DemoLog
{
    /// <summary>The sending IP named in Proofpoint's lookup links.</summary>
    public const string SendingIp = "203.0.113.7";

    /// <summary>When the iCloud episode starts, counted from the start of the day.</summary>
    public static readonly TimeSpan EpisodeStart = TimeSpan.FromHours(6);

    private static readonly TimeSpan QueueLifetime = TimeSpan.FromHours(8);

    private static readonly DemoReceiver[] Normal =
    [
        new(["gmail.com", "googlemail.com"], [("gmail-smtp-in.l.google.com", "142.250.102.27"), ("alt1.gmail-smtp-in.l.google.com", "142.250.153.26")], 140,
            "2.0.0 OK  1764307200 a1si4242.1 - gsmtp",
            "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser a1si4242.2 - gsmtp"),
        new(["yahoo.com", "aol.com"], [("mta6.am0.yahoodns.net", "67.195.204.72"), ("mta7.am0.yahoodns.net", "98.136.96.74")], 60,
            "ok dirdel", "554 delivery error: dd This user doesn't have a yahoo.com account - mta4212.mail.gq1.yahoo.com"),
        new(["outlook.com", "hotmail.com"], [("outlook-com.olc.protection.outlook.com", "52.101.42.3")], 70,
            "2.6.0 <demo@shop.example> [InternalId=42] Queued mail for delivery",
            "550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)"),
    ];

    private static readonly DemoReceiver ICloud = new(["icloud.com", "me.com", "mac.com"],
        [("mx01.mail.icloud.com", "17.57.155.25"), ("mx02.mail.icloud.com", "17.57.156.30")], 80,
        "2.0.0 Ok: queued as 01234567-89ab-cdef-0123-456789abcdef", "550 5.1.1 <{0}>: user does not exist");

    /// <summary>The log lines for the 24 hours before <paramref name="end"/>, in time order.</summary>
    public static IReadOnlyList<string> Generate(DateTimeOffset end, int seed = 20250322)
    {
        var random = new Random(seed);
        var start = end.ToUniversalTime().AddHours(-24);
        var lines = new List<(DateTimeOffset At, string Line)>();
        var names = new[] { "jane", "bob", "amy", "li", "sam", "noor", "eva", "raj", "tom", "ines", "ken", "mia" };
        var queue = 0;
        for (var hour = 0; hour < 24; hour++)
        {
            foreach (var receiver in Normal.Append(ICloud))
                for (var i = 0; i < receiver.PerHour; i++)
                {
                    var at = start.AddHours(hour).AddSeconds(random.Next(3600));
                    var domain = receiver.Domains[random.Next(receiver.Domains.Count)];
                    var rcpt = $"{names[random.Next(names.Length)]}.{random.Next(10_000)}@{domain}";
                    var message = new DemoMessage(QueueId(++queue), rcpt, i % 5 == 0 ? "orders@shop.example" : "news@shop.example", at);
                    lines.Add((at, message.Pickup()));
                    if (receiver == ICloud && at - start >= EpisodeStart) Episode(message, random, end, lines);
                    else lines.Add((at.AddSeconds(1), Deliver(receiver, message, random)));
                }
        }
        return lines.Where(l => l.At < end).OrderBy(l => l.At).ThenBy(l => l.Line, StringComparer.Ordinal).Select(l => l.Line).ToList();
    }

    private static string Deliver(DemoReceiver r, DemoMessage m, Random random)
    {
        var (host, ip) = r.MxHosts[random.Next(r.MxHosts.Count)];
        return random.Next(250) == 0
            ? m.Attempt(m.Queued.AddSeconds(1), host, ip, "5.1.1", "bounced", $"host {host}[{ip}] said: {string.Format(CultureInfo.InvariantCulture, r.Unknown, m.Recipient)} (in reply to RCPT TO command)")
            : m.Attempt(m.Queued.AddSeconds(1), host, ip, "2.0.0", "sent", "250 " + r.Accepted);
    }

    // Deferred attempts retry at Postfix's backoff (5, 10, 20, 40, 80 minutes, then every 80) until delivered or expired.
    private static void Episode(DemoMessage m, Random random, DateTimeOffset end, List<(DateTimeOffset, string)> lines)
    {
        var at = m.Queued.AddSeconds(1);
        var backoff = TimeSpan.FromMinutes(5);
        var stubborn = random.Next(100) < 6; // deferred on every attempt: these expire
        for (var attempt = 0; at < end; attempt++)
        {
            var (host, ip) = ICloud.MxHosts[random.Next(ICloud.MxHosts.Count)];
            var roll = random.Next(100);
            if (attempt == 0 && roll < 4)
            {
                lines.Add((at, m.Attempt(at, host, ip, "5.7.0", "bounced", $"host {host}[{ip}] said: 550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip={SendingIp} (in reply to RCPT TO command)")));
                return;
            }
            if (attempt == 0 && roll < 5)
            {
                lines.Add((at, m.Attempt(at, host, ip, "5.7.1", "bounced", $"host {host}[{ip}] said: 554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137 (in reply to end of DATA command)")));
                return;
            }
            if (!stubborn && (attempt > 0 ? roll < 75 : roll >= 25))
            {
                lines.Add((at, m.Attempt(at, host, ip, "2.0.0", "sent", "250 " + ICloud.Accepted)));
                return;
            }
            lines.Add((at, m.Attempt(at, host, ip, "4.7.0", "deferred", $"host {host}[{ip}] said: 421 4.7.0 Deferred (in reply to RCPT TO command)")));
            at += backoff;
            backoff = TimeSpan.FromMinutes(Math.Min(backoff.TotalMinutes * 2, 80));
            if (at - m.Queued >= QueueLifetime)
            {
                if (at < end) lines.Add((at, m.Expired(at)));
                return;
            }
        }
    }

    private static string QueueId(int n) => (0x3F00000000L + n * 7919L).ToString("X10", CultureInfo.InvariantCulture);

    /// <summary>The lines as one text, newline-terminated.</summary>
    public static string ToText(IReadOnlyList<string> lines)
    {
        var sb = new StringBuilder(lines.Count * 200);
        foreach (var l in lines) sb.Append(l).Append('\n');
        return sb.ToString();
    }
}
