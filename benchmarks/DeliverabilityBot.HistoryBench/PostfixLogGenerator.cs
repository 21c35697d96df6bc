using System.Globalization;
using System.Text;

namespace DeliverabilityBot.HistoryBench;

/// <summary>
/// Writes a realistic Postfix log: per message a qmgr <c>from=</c> line, then smtp delivery lines (sent, deferred with
/// retries, bounced) and, for some messages deferred until the end, a qmgr <c>status=expired</c>. Replies come from
/// <see cref="ReplyCatalog"/>; about 8% of attempts are troubled. Deterministic for a seed.
/// </summary>
internal static class PostfixLogGenerator
{
    public static int Run(string[] args)
    {
        var lines = Args.Long(args, "--lines", 1_000_000);
        var path = Args.Get(args, "--out", "postfix.log");
        var rnd = new Random((int)Args.Long(args, "--seed", 42));
        var days = Args.Long(args, "--days", 7);
        var start = new DateTime(2026, 3, 16, 0, 0, 0, DateTimeKind.Utc);
        var span = days * 86_400.0;
        var perLine = span / lines;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        long written = 0, queue = 0;
        double t = 0;
        var sb = new StringBuilder(512);
        while (written < lines)
        {
            t += perLine * 2.2;
            var qid = (0x10000000 + queue++ * 7919 % 0xEFFFFFFF).ToString("X", CultureInfo.InvariantCulture);
            var receiver = Pick(rnd);
            var (host, ip) = receiver.Mx[rnd.Next(receiver.Mx.Length)];
            var rcpt = $"user{rnd.Next(2_000_000)}@{receiver.Domains[rnd.Next(receiver.Domains.Length)]}";
            var sender = ReplyCatalog.Senders[rnd.Next(ReplyCatalog.Senders.Length)];
            var sip = ReplyCatalog.SendingIps[rnd.Next(ReplyCatalog.SendingIps.Length)];
            Line(w, sb, start, t, "qmgr[2201]", $"{qid}: from=<{sender}>, size={rnd.Next(2000, 60000)}, nrcpt=1 (queue active)");
            written++;
            var troubled = rnd.NextDouble() < 0.08;
            var (_, status, stage, reply) = troubled ? PickTrouble(receiver, rnd) : default;
            reply = reply?.Replace("{rcpt}", rcpt).Replace("{ip}", sip);
            var retries = status == "deferred" ? rnd.Next(1, 4) : 0;
            for (var k = 0; k < retries && written < lines; k++, written++)
                Line(w, sb, start, t + 600 * (k + 1), $"smtp[{3000 + rnd.Next(64)}]", Delivery(qid, rcpt, host, ip, Dsn(reply!), "deferred", $"host {host}[{ip}] said: {reply} (in reply to {stage} command)"));
            if (written >= lines) break;
            if (status == "bounced")
                Line(w, sb, start, t + 1, $"smtp[{3000 + rnd.Next(64)}]", Delivery(qid, rcpt, host, ip, Dsn(reply!), "bounced", $"host {host}[{ip}] said: {reply} (in reply to {stage} command)"));
            else if (status == "deferred" && rnd.NextDouble() < 0.15)
                Line(w, sb, start, t + 600 * (retries + 1), "qmgr[2201]", $"{qid}: from=<{sender}>, status=expired, returned to sender");
            else
                Line(w, sb, start, t + 600 * (retries + 1) + 1, $"smtp[{3000 + rnd.Next(64)}]", Delivery(qid, rcpt, host, ip, "2.0.0", "sent", $"250 2.0.0 Ok: queued as {rnd.Next():x8}"));
            written++;
        }
        Console.Error.WriteLine($"wrote {written:N0} lines to {path}");
        return 0;
    }

    private static string Delivery(string qid, string rcpt, string host, string ip, string dsn, string status, string detail) =>
        $"{qid}: to=<{rcpt}>, relay={host}[{ip}]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn={dsn}, status={status} ({detail})";

    private static string Dsn(string reply)
    {
        var parts = reply.Split(' ', 3);
        var candidate = parts.Length > 1 ? parts[1] : "";
        if (parts[0].Contains('-')) candidate = parts[0][(parts[0].IndexOf('-') + 1)..];
        return candidate.Count(c => c == '.') == 2 && char.IsDigit(candidate[0]) ? candidate : reply[0] == '4' ? "4.0.0" : "5.0.0";
    }

    private static void Line(StreamWriter w, StringBuilder sb, DateTime start, double seconds, string process, string text)
    {
        var at = start.AddSeconds(seconds);
        sb.Clear();
        sb.Append(at.ToString("MMM ", CultureInfo.InvariantCulture)).Append(at.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2))
          .Append(at.ToString(" HH:mm:ss", CultureInfo.InvariantCulture)).Append(" mta1 postfix/").Append(process).Append(": ").Append(text);
        w.WriteLine(sb);
    }

    private static ReplyCatalog.Receiver Pick(Random rnd)
    {
        var x = rnd.NextDouble();
        foreach (var r in ReplyCatalog.Receivers)
            if ((x -= r.Share) < 0) return r;
        return ReplyCatalog.Receivers[^1];
    }

    private static (double, string, string, string) PickTrouble(ReplyCatalog.Receiver r, Random rnd)
    {
        var x = rnd.NextDouble() * r.Troubles.Sum(t => t.Weight);
        foreach (var t in r.Troubles)
            if ((x -= t.Weight) < 0) return t;
        return r.Troubles[^1];
    }
}
