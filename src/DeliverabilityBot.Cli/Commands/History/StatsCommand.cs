using System.CommandLine;
using System.Globalization;
using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary><c>dbot stats [RECEIVER] [--since 24h] [--json]</c>: messages by outcome, then attempts, delivered, deferred, bounced by receiver, reason, sending IP and hour.</summary>
public static class StatsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the counts as JSON (receiver, window, messages, total, breakdowns)." };
        return WindowCommand.Create(
            "stats", "Counts over a window of the history: messages by outcome, attempts by receiver, reason, sending IP, sender domain and hour.", [json], c =>
            {
                var report = c.Runtime.Stats.Stats(c.Receiver, c.Window);
                if (c.Parse.GetValue(json)) c.Output.WriteLine(StatsReportJson.ToJson(report));
                else Write(c.Output, report, c.Runtime.Receivers);
                return 0;
            });
    }

    private static void Write(TextWriter w, StatsReport s, Core.Vocabulary.IReceiverRegistry receivers)
    {
        w.WriteLine($"Stats: {(s.Receiver is null ? "all receivers" : Output.ReceiverNames.Of(receivers, s.Receiver))}, {HistoryOptions.Describe(s.Window)}");
        if (s.Messages.Total > 0) w.WriteLine(MessageSentence.Of(s.Messages, s.Receiver is null ? null : Output.ReceiverNames.Of(receivers, s.Receiver)));
        Table(w, "total", [s.Total]);
        Table(w, "receiver", s.ByReceiver);
        Table(w, "reason (deferred and bounced)", s.ByReason);
        Table(w, "sending IP", s.BySendingIp);
        Table(w, "sender domain", s.BySenderDomain);
        Table(w, "hour (UTC)", s.ByHour);
    }

    private static void Table(TextWriter w, string title, IReadOnlyList<StatsRow> rows)
    {
        w.WriteLine();
        var width = Math.Max(title.Length, rows.Count == 0 ? 0 : rows.Max(r => r.Key.Length));
        w.WriteLine($"{title.PadRight(width)}  {"attempts",10}  {"delivered",10}  {"deferred",10}  {"bounced",10}");
        if (rows.Count == 0) w.WriteLine("(none)");
        foreach (var r in rows)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Key.PadRight(width)}  {r.Attempts,10:N0}  {r.Delivered,10:N0}  {r.Deferred,10:N0}  {r.Bounced,10:N0}"));
    }
}
