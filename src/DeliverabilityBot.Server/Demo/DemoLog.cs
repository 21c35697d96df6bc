using System.Globalization;
using System.Text;

namespace DeliverabilityBot.Server.Demo;

/// <summary>
/// Generates a realistic day of Postfix log (RFC 3339 timestamps) for the demo: normal deliveries to Gmail,
/// Yahoo/AOL and Outlook/Hotmail, and an iCloud episode built from facts.md's real reply texts: from six hours in,
/// <c>421 4.7.0 Deferred</c> on about a third of attempts (retries included), Proofpoint blocks (<c>550 5.7.0 Blocked - see
/// https://ipcheck.proofpoint.com/?ip=...</c>) and a few <c>[CS01]</c> rejections, then queue expiries of the
/// messages deferred all along (this demo MTA's <c>maximal_queue_lifetime</c> is 8 hours). Deterministic per seed.
/// The MTA is a Postfix multi-instance setup, one outbound instance per sending IP (<see cref="Instances"/>, written as
/// a configuration folder by <see cref="WriteMtaConfig"/>): order mail leaves from one IP, newsletters from three; in
/// the episode Proofpoint blocks every iCloud message of one newsletter IP (<see cref="SendingIp"/>) while the others
/// deliver.
/// </summary>
public static class DemoLog
{
    /// <summary>The sending IP Proofpoint blocks at iCloud in the episode, named in its lookup links.</summary>
    public const string SendingIp = "203.0.113.7";

    /// <summary>The demo MTA's outbound instances.</summary>
    public static readonly IReadOnlyList<DemoInstance> Instances =
    [
        new("postfix-out1", "203.0.113.5", "transactional"),
        new("postfix-out2", "203.0.113.6", "marketing"),
        new("postfix-out3", SendingIp, "marketing"),
        new("postfix-out4", "203.0.113.8", "marketing"),
    ];

    private static DemoInstance Orders => Instances[0];

    private static DemoInstance Blocked => Instances[2];

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
        // Instances are drawn from their own sequence, so the day's traffic is the same whichever IPs it leaves from.
        var pools = new Random(seed + 1);
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
                    var orders = i % 5 == 0;
                    var episode = receiver == ICloud && at - start >= EpisodeStart;
                    var instance = orders ? Orders : Instances[1 + pools.Next(3)];
                    // In the episode the blocked IP's iCloud mail is all refused: its other messages leave from the other two.
                    if (episode && instance == Blocked) instance = Instances[pools.Next(2) == 0 ? 1 : 3];
                    var message = new DemoMessage(QueueId(++queue), rcpt, orders ? "orders@shop.example" : "news@shop.example", at, instance);
                    if (episode) Episode(message, random, end, lines);
                    else
                    {
                        lines.Add((at, message.Pickup()));
                        lines.Add((at.AddSeconds(1), Deliver(receiver, message, random)));
                    }
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
    // A newsletter refused by Proofpoint was sent from the blocked IP: that is what Proofpoint's link names.
    private static void Episode(DemoMessage m, Random random, DateTimeOffset end, List<(DateTimeOffset, string)> lines)
    {
        var firstLine = lines.Count;
        lines.Add((m.Queued, m.Pickup()));
        var at = m.Queued.AddSeconds(1);
        var backoff = TimeSpan.FromMinutes(5);
        var stubborn = random.Next(100) < 6; // deferred on every attempt: these expire
        for (var attempt = 0; at < end; attempt++)
        {
            var (host, ip) = ICloud.MxHosts[random.Next(ICloud.MxHosts.Count)];
            var roll = random.Next(100);
            if (attempt == 0 && roll < 4 && m.Instance != Orders)
            {
                m = m with { Instance = Blocked };
                lines[firstLine] = (m.Queued, m.Pickup());
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

    /// <summary>
    /// Writes the demo MTA's Postfix configuration under <paramref name="directory"/>: <c>postfix/main.cf</c> naming the
    /// instances (<c>multi_instance_directories</c>) and one folder per instance whose <c>main.cf</c> sets its name and
    /// <c>smtp_bind_address</c>, as <c>postmulti</c> lays them out. Returns the main instance's folder, for <c>--mta-config</c>.
    /// </summary>
    public static string WriteMtaConfig(string directory)
    {
        var main = Path.Combine(directory, "postfix");
        Directory.CreateDirectory(main);
        File.WriteAllText(Path.Combine(main, "main.cf"),
            "# The demo MTA: one outbound Postfix instance per sending IP (postmulti).\n" +
            "multi_instance_wrapper = ${command_directory}/postmulti -p --\n" +
            "multi_instance_enable = yes\n" +
            "inet_interfaces = loopback-only\n" +
            "multi_instance_directories =\n" + string.Concat(Instances.Select(i => $"    /etc/{i.SyslogName}\n")));
        foreach (var i in Instances)
        {
            var folder = Path.Combine(directory, i.SyslogName);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "main.cf"),
                $"# {i.Stream} mail\nmulti_instance_name = {i.SyslogName}\nmulti_instance_enable = yes\nmaster_service_disable = inet\n" +
                $"inet_interfaces = {i.Ip}\nsmtp_bind_address = $inet_interfaces\nmaximal_queue_lifetime = 8h\n");
        }
        return main;
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
