using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Runs a rule's examples (each must match) and counter-examples (each must not) against the rule alone.</summary>
public static class ExampleChecker
{
    /// <summary>
    /// Reports DBR0016 / DBR0017 into <paramref name="bag"/>, and DBR0035 when the rule's regex times out on its own
    /// example or counter-example (<paramref name="timeouts"/> is the rules' regex timeout sink): a timed-out match is
    /// neither a match nor a miss, so it is an error rather than passing as a counter-example that did not match.
    /// </summary>
    public static void Check(CompiledRule rule, ReceiverAttributor attributor, DiagnosticBag bag, MatchTimeoutSink? timeouts = null)
    {
        foreach (var ex in rule.Descriptor.Examples)
        {
            var facts = attributor.Facts(ExampleEvents.Build(ex));
            var (matched, timedOut) = MatchAllowingForLoad(rule, facts, timeouts);
            if (timedOut) ReportTimeout(rule, "example", facts, ex, bag);
            else if (!matched)
                bag.Report(DiagnosticCatalog.ExampleDoesNotMatch, ex.Location, $"example of rule {rule.Id} does not match: {Describe(facts)}");
        }
        foreach (var ex in rule.Descriptor.CounterExamples)
        {
            var facts = attributor.Facts(ExampleEvents.Build(ex));
            var (matched, timedOut) = MatchAllowingForLoad(rule, facts, timeouts);
            if (timedOut) ReportTimeout(rule, "counter-example", facts, ex, bag);
            else if (matched)
                bag.Report(DiagnosticCatalog.CounterExampleMatches, ex.Location, $"counter-example of rule {rule.Id} matches: {Describe(facts)}");
        }
    }

    private const int Attempts = 3;

    private static void ReportTimeout(CompiledRule rule, string what, EventFacts facts, Model.ExampleCase ex, DiagnosticBag bag) =>
        bag.Report(DiagnosticCatalog.ExampleTimedOut, ex.Location,
            $"the regex of rule {rule.Id} timed out after {RuleRegex.MatchTimeout.TotalMilliseconds:F0} ms on {Attempts} tries on its {what}: {Describe(facts)}");

    // A sound pattern can still time out when the thread is descheduled on a saturated machine (seen in CI); a
    // pathological one times out every time. So a result that came with a timeout is tried again; only a timeout on
    // every try is reported as one.
    private static (bool Matched, bool TimedOut) MatchAllowingForLoad(CompiledRule rule, EventFacts facts, MatchTimeoutSink? timeouts)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var before = timeouts?.Count ?? 0;
            var matched = rule.Matches(facts);
            if ((timeouts?.Count ?? 0) == before) return (matched, false);
        }
        return (false, true);
    }

    /// <summary>What the rule saw, so the author can tell which condition failed.</summary>
    public static string Describe(EventFacts f) =>
        $"code {(f.Code < 0 ? "none" : f.Code)}, status {f.Status?.ToString() ?? "none"}, receiver {f.Receiver}, " +
        $"text \"{(f.Text.Length > 80 ? f.Text[..80] + "..." : f.Text)}\"";
}
