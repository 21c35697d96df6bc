using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Runs a rule's examples (each must match) and counter-examples (each must not) against the rule alone.</summary>
public static class ExampleChecker
{
    /// <summary>
    /// Reports DBR0016 / DBR0017 into <paramref name="bag"/>; <paramref name="timeouts"/> (the rules' regex timeout sink)
    /// lets a miss caused by a regex timeout say so instead of blaming the pattern.
    /// </summary>
    public static void Check(CompiledRule rule, ReceiverAttributor attributor, DiagnosticBag bag, MatchTimeoutSink? timeouts = null)
    {
        foreach (var ex in rule.Descriptor.Examples)
        {
            var facts = attributor.Facts(ExampleEvents.Build(ex));
            var (matched, timedOut) = MatchesAllowingForLoad(rule, facts, timeouts);
            if (!matched)
                bag.Report(DiagnosticCatalog.ExampleDoesNotMatch, ex.Location,
                    $"example of rule {rule.Id} does not match: {Describe(facts)}" +
                    (timedOut ? $" (its regex timed out after {RuleRegex.MatchTimeout.TotalMilliseconds:F0} ms on {Attempts} tries: a pathological pattern)" : string.Empty));
        }
        foreach (var ex in rule.Descriptor.CounterExamples)
        {
            var facts = attributor.Facts(ExampleEvents.Build(ex));
            if (rule.Matches(facts))
                bag.Report(DiagnosticCatalog.CounterExampleMatches, ex.Location,
                    $"counter-example of rule {rule.Id} matches: {Describe(facts)}");
        }
    }

    private const int Attempts = 3;

    // A sound pattern can still time out when the thread is descheduled on a saturated machine (seen in CI); a
    // pathological one times out every time. So a miss that came with a timeout is tried again before it is reported.
    private static (bool Matched, bool TimedOut) MatchesAllowingForLoad(CompiledRule rule, EventFacts facts, MatchTimeoutSink? timeouts)
    {
        var timedOut = false;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var before = timeouts?.Count ?? 0;
            if (rule.Matches(facts)) return (true, false);
            timedOut = (timeouts?.Count ?? 0) > before;
            if (!timedOut) break;
        }
        return (false, timedOut);
    }

    /// <summary>What the rule saw, so the author can tell which condition failed.</summary>
    public static string Describe(EventFacts f) =>
        $"code {(f.Code < 0 ? "none" : f.Code)}, status {f.Status?.ToString() ?? "none"}, receiver {f.Receiver}, " +
        $"text \"{(f.Text.Length > 80 ? f.Text[..80] + "..." : f.Text)}\"";
}
