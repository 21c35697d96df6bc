using System.Globalization;
using DeliverabilityBot.Cli.Output;
using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Rules.Diagnosis.Engine;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>Plain-text rendering of a why report and its trace.</summary>
internal static class WhyWriter
{
    public static void Write(TextWriter w, WhyReport r, Core.Vocabulary.IReceiverRegistry receivers, string databasePath, bool color)
    {
        var who = r.Receiver is null ? "all receivers" : ReceiverNames.Of(receivers, r.Receiver);
        w.WriteLine(Terminal.Bold($"Why: {who}, {HistoryOptions.Describe(r.Window)}", color));
        if (r.Attempts == 0)
        {
            w.WriteLine($"No attempts stored for {who} in this window ({databasePath}). Ingest logs or DSNs first: dbot ingest PATH");
            return;
        }
        if (r.Messages.Total > 0) w.WriteLine(MessageSentence.Of(r.Messages, r.Receiver is null ? null : ReceiverNames.Of(receivers, r.Receiver)));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Attempts:N0} attempts: {r.Delivered:N0} delivered ({Pct(r.Delivered, r.Attempts)}), {r.Deferred:N0} deferred ({Pct(r.Deferred, r.Attempts)}), {r.Bounced:N0} bounced ({Pct(r.Bounced, r.Attempts)})"));
        var n = 0;
        var numbers = new Dictionary<(string, string), int>();
        foreach (var d in r.Diagnoses)
        {
            w.WriteLine();
            numbers[(d.Id, d.Scope)] = ++n;
            var head = $"{n}. {d.Title}";
            w.WriteLine(Terminal.Bold(d.Category == "none" ? head : Terminal.Yellow(head, color), color));
            w.WriteLine(Terminal.Dim(string.Create(CultureInfo.InvariantCulture, $"   {d.Id} | {d.Category} | confidence {d.Confidence:0.00} | {d.Scope}"), color));
            if (d.CausedBy is { } cause)
                w.WriteLine($"   Follows from {(numbers.TryGetValue((cause.Id, cause.Scope), out var k) ? $"#{k}" : cause.Id)}: {cause.Title}");
            w.WriteLine($"   {d.Explanation}");
            foreach (var f in d.Evidence.Figures) w.WriteLine($"   - {f.Label}: {f.Value}");
            if (d.Evidence.Examples.Count > 0) w.WriteLine("   Examples:");
            foreach (var e in d.Evidence.Examples)
            {
                var when = e.Timestamp is { } t ? HistoryOptions.Time(t) : "-";
                w.WriteLine(Terminal.Dim($"     {when} {e.Recipient ?? "-"} via {e.RemoteHost ?? "-"}{(e.SendingIp is null ? "" : " from " + e.SendingIp)} [{string.Join(' ', e.RuleIds)}]", color));
                w.WriteLine($"       {e.Reply}");
            }
            if (d.Actions.Count > 0) w.WriteLine("   What to do:");
            var i = 0;
            foreach (var a in d.Actions) w.WriteLine($"     {++i}. {a}");
            w.WriteLine(Terminal.Dim($"   Rules: {string.Join(", ", d.Rules)}", color));
        }
    }

    public static void WriteTrace(TextWriter w, DiagnosisTrace trace)
    {
        w.WriteLine();
        w.WriteLine("Trace (diagnosis rules on the window's facts):");
        if (trace.Entries.Count == 0) w.WriteLine("  no rule had a signal in this window");
        foreach (var t in trace.Entries)
        {
            w.WriteLine($"  {t.RuleId} on {t.Scope}: {(t.Fired ? "FIRED" : "did not fire")}");
            foreach (var c in t.Conditions) w.WriteLine($"    {(c.Held ? "holds" : "fails")}  {c.Condition}  (value {c.Value})");
            foreach (var (name, value) in t.Facts) w.WriteLine($"    fact  {name}: {value}");
            if (t.SignalRules.Count > 0) w.WriteLine($"    from classification rules: {string.Join(", ", t.SignalRules)}");
        }
    }

    private static string Pct(long part, long whole) => whole == 0 ? "0%" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
