namespace DeliverabilityBot.Cli.Output;

/// <summary>Writes the human summary of a <c>classify</c> run: three small tables, largest rows first.</summary>
internal static class ClassifySummaryWriter
{
    /// <summary>Writes <paramref name="s"/>.</summary>
    public static void Write(TextWriter output, ClassifySummary s, bool color)
    {
        output.WriteLine(Terminal.Bold($"{s.Events:N0} bounce(s) in {s.Messages:N0} message(s) from {s.FilesRead:N0} file(s)", color)
            + (s.Failures > 0 ? Terminal.Yellow($"; {s.Failures:N0} could not be read (see above)", color) : string.Empty));
        if (s.Events == 0) return;
        Table(output, "receiver", s.ByReceiver, s.Events, color);
        Table(output, "reason", s.ByReason, s.Events, color);
        Table(output, "reply class", s.ByReplyClass, s.Events, color);
        output.WriteLine(Terminal.Dim("Per-recipient detail: dbot classify --json PATH...", color));
    }

    private static void Table(TextWriter output, string title, Dictionary<string, int> counts, int total, bool color)
    {
        output.WriteLine();
        var width = Math.Max(title.Length, counts.Keys.Max(k => k.Length));
        output.WriteLine(Terminal.Bold($"{title.PadRight(width)}  {"count",8}  {"share",6}", color));
        foreach (var (key, n) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            output.WriteLine($"{key.PadRight(width)}  {n,8:N0}  {100.0 * n / total,5:0.0}%");
    }
}
