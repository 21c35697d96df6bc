using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Vocabulary;
using static DeliverabilityBot.Cli.Output.Terminal;

namespace DeliverabilityBot.Cli.Output;

/// <summary>The human form of <c>dbot explain</c>: who answered, temporary or permanent, why, what to do, sources, rule ids.</summary>
internal static class ExplanationWriter
{
    public static void Write(TextWriter w, IReadOnlyList<BounceClassification> results, IReceiverRegistry receivers, bool color)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (i > 0) w.WriteLine();
            WriteOne(w, results[i], receivers, color);
        }
    }

    private static void WriteOne(TextWriter w, BounceClassification c, IReceiverRegistry receivers, bool color)
    {
        var e = c.Event;
        var status = string.Join(' ', new[] { e.Reply.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), (e.Reply.Status ?? e.DsnStatus)?.ToString() }.Where(s => s is not null));
        var permanent = !c.Retryable && e.Action != DeliveryAction.Delayed;
        var kind = e.Action switch
        {
            DeliveryAction.Delivered => "delivered",
            _ when permanent => Red("permanent failure", color),
            _ => Yellow("temporary failure (deferred; retrying can succeed)", color),
        };
        w.WriteLine(Bold($"{e.Recipient ?? e.RecipientDomain ?? "(recipient unknown)"}: {ReceiverNames.Of(receivers, c.Receiver)}", color));
        w.WriteLine($"  Outcome:    {kind}{(status.Length > 0 ? $" ({status})" : string.Empty)}");
        w.WriteLine($"  Reason:     {c.Reason}{(c.HardBounce ? " (hard bounce: suppress the address)" : string.Empty)}");
        if (c.Filter is not null) w.WriteLine($"  Filter:     {ReceiverNames.Of(receivers, c.Filter)}");
        if (c.Primary is not { } p)
        {
            w.WriteLine("  No rule matched this reply. Reply text: " + (e.Reply.Text.Length > 0 ? e.Reply.Text : "(none)"));
            return;
        }
        w.WriteLine($"  Rule:       {p.RuleId} {p.Title} [{p.Severity.ToString().ToLowerInvariant()}]");
        w.WriteLine($"  Says:       {p.Message}");
        w.WriteLine($"  Means:      {p.Explanation}");
        w.WriteLine("  What to do:");
        var n = 0;
        foreach (var a in RemovalAdvice.Actions(c)) w.WriteLine($"    {++n}. {a}");
        w.WriteLine("  References:");
        foreach (var r in c.Findings.SelectMany(f => f.References).Distinct()) w.WriteLine($"    - {r}");
        var matched = p.Matches.Where(m => m.Start >= 0).Select(m => $"\"{m.Value}\" ({m.Condition})").ToArray();
        if (matched.Length > 0) w.WriteLine(Dim($"  Matched:    {string.Join(", ", matched)}", color));
        if (c.Findings.Count > 1)
            w.WriteLine(Dim($"  Also:       {string.Join("; ", c.Findings.Skip(1).Select(f => $"{f.RuleId} {f.Title}"))}", color));
    }
}
