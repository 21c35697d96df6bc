using DeliverabilityBot.Ingestion.Evaluation;

namespace DeliverabilityBot.Cli.Output;

/// <summary>Writes an evaluation: agreement per field, then a confusion table of reasons (expected rows, observed columns as "reason n").</summary>
internal static class EvaluationWriter
{
    /// <summary>Writes <paramref name="report"/>; with <paramref name="details"/> every disagreement too.</summary>
    public static void Write(TextWriter output, EvaluationReport report, bool details)
    {
        output.WriteLine($"expected bounces {report.Expected:N0}, found {report.Found:N0}, extra {report.Extra:N0}");
        output.WriteLine();
        output.WriteLine($"{"field",-12}{"agreement",10}{"agreed",9}{"total",8}");
        foreach (var f in report.Fields)
            output.WriteLine($"{f.Field,-12}{f.Rate,10:P1}{f.Agreed,9:N0}{f.Total,8:N0}");
        output.WriteLine();
        output.WriteLine($"explained by a receiver, filter or sender rule: {Share(report.ExplainedBySpecificRules, report.Found)} of the bounces found; "
            + $"{Share(report.KnownReceiverExplained, report.WithKnownReceiver)} of those to a known receiver");
        output.WriteLine("most specific rule that explained each bounce found: " + string.Join(", ",
            report.ByExplanation.OrderBy(kv => kv.Key).Select(kv => $"{Label(kv.Key)} {Share(kv.Value, report.Found)}")));

        output.WriteLine();
        output.WriteLine("reasons (rows: expected; columns: what was classified, most frequent first)");
        var rows = report.Confusion.GroupBy(kv => kv.Key.Expected)
            .Select(g => (Expected: g.Key, Total: g.Sum(kv => kv.Value), Cells: g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Observed, StringComparer.Ordinal).ToList()))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Expected, StringComparer.Ordinal);
        output.WriteLine($"{"expected",-16}{"n",5}{"agree",7}  confused with");
        foreach (var (expected, total, cells) in rows)
        {
            var agreed = cells.Where(c => c.Key.Observed == expected).Sum(c => c.Value);
            var confused = string.Join(", ", cells.Where(c => c.Key.Observed != expected).Select(c => $"{c.Key.Observed} {c.Value}"));
            output.WriteLine($"{expected,-16}{total,5}{agreed,7}  {confused}");
        }
        if (!details) return;
        output.WriteLine();
        output.WriteLine("disagreements");
        foreach (var d in report.Disagreements)
            output.WriteLine($"{d.File}#{d.Index} {d.Field}: expected {Show(d.Expected)}, got {Show(d.Observed)}");
    }

    private static string Label(ExplainedBy kind) => kind switch
    {
        ExplainedBy.ReceiverRule => "receiver rule",
        ExplainedBy.FilterRule => "filter rule",
        ExplainedBy.SenderRule => "sender rule",
        ExplainedBy.ReplyTextRule => "generic reply-text rule",
        _ => "generic code-only rule",
    };

    private static string Show(string s) => s.Length == 0 ? "(none)" : s;

    private static string Share(int part, int whole) =>
        whole == 0 ? "0 (none)" : $"{part:N0}/{whole:N0} ({(double)part / whole:P1})";
}
