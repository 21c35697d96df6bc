using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Fixtures;

/// <summary>Reads evidence into events (the ingestion parser; the rules project does not reference it).</summary>
public delegate IReadOnlyList<BounceEvent> EvidenceParser(string text, string? recipientHint, string source);

/// <summary>The result of one fixture: what fired per event, and every unmet expectation (expected against actual).</summary>
/// <param name="Fixture">The fixture.</param>
/// <param name="Failures">Unmet expectations, one per line; empty when the fixture passes.</param>
/// <param name="Fired">Rule ids fired per event (failed or delayed events only).</param>
public sealed record FixtureOutcome(RuleFixture Fixture, IReadOnlyList<string> Failures, IReadOnlyList<IReadOnlyList<string>> Fired)
{
    /// <summary>True when every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}

/// <summary>Runs fixtures through the evidence parser and the classifier and compares with the expectations.</summary>
public sealed class FixtureRunner(IBounceClassifier classifier, LoadedRuleSet rules, EvidenceParser parse)
{
    /// <summary>Runs one fixture.</summary>
    public FixtureOutcome Run(RuleFixture fixture)
    {
        var failures = new List<string>();
        var events = parse(fixture.Input, fixture.To, fixture.InputPath)
            .Where(e => e.Action is DeliveryAction.Failed or DeliveryAction.Delayed || e.Kind is EvidenceKind.Feedback or EvidenceKind.AutoReply).ToArray();
        var results = classifier.ClassifyAll(events);
        if (results.Count != fixture.Events.Count)
            failures.Add($"events: expected {fixture.Events.Count}, actual {results.Count}{Summaries(results)}");
        for (var i = 0; i < Math.Min(results.Count, fixture.Events.Count); i++)
            CompareEvent(i + 1, fixture.Events[i], results[i], failures);
        var fired = results.Select(r => (IReadOnlyList<string>)r.Findings.Select(f => f.RuleId).ToArray()).ToArray();
        var forbidden = fixture.MustNotFire.Where(id => fired.Any(f => f.Contains(id, StringComparer.Ordinal))).ToArray();
        if (forbidden.Length > 0)
            failures.Add($"mustNotFire: expected none of [{string.Join(", ", fixture.MustNotFire)}] to fire, actual fired [{string.Join(", ", forbidden)}]");
        return new FixtureOutcome(fixture, failures, fired);
    }

    private void CompareEvent(int n, ExpectedEvent expected, BounceClassification actual, List<string> failures)
    {
        var ids = actual.Findings.Select(f => f.RuleId).ToArray();
        var missing = expected.Rules.Where(id => !ids.Contains(id, StringComparer.Ordinal)).ToArray();
        var extra = actual.Findings
            .Where(f => !expected.Rules.Contains(f.RuleId, StringComparer.Ordinal) && (expected.ExactRules || f.Scope != RuleScope.Generic))
            .Select(f => f.RuleId).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            failures.Add($"event {n} rules: expected [{string.Join(", ", expected.Rules)}]{(expected.ExactRules ? " exactly" : string.Empty)}, actual [{string.Join(", ", ids)}]");
        foreach (var (field, want) in expected.Fields)
        {
            var got = Actual(actual, field);
            if (!string.Equals(want ?? "null", got ?? "null", StringComparison.Ordinal))
                failures.Add($"event {n} {field}: expected {want ?? "null"}, actual {got ?? "null"}");
        }
        if (expected.Span is not null && SpanMarkup.Parse(expected.Span) is { } spans)
        {
            foreach (var (id, text) in spans)
            {
                var finding = actual.Findings.FirstOrDefault(f => f.RuleId == id);
                var textual = finding?.Matches.Where(m => m.Start >= 0).Select(m => SpanMarkup.Mark(id, m.Value)).ToArray() ?? [];
                if (!textual.Contains(SpanMarkup.Mark(id, text), StringComparer.Ordinal))
                    failures.Add($"event {n} span: expected {SpanMarkup.Mark(id, text)}, actual {(textual.Length == 0 ? (finding is null ? $"{id} did not fire" : "no text span") : string.Join(" ", textual))}");
            }
        }
    }

    private static string? Actual(BounceClassification c, string field) => field switch
    {
        "reason" => c.Reason,
        "receiver" => c.Receiver,
        "filter" => c.Filter,
        "retryable" => c.Retryable ? "true" : "false",
        "hardBounce" => c.HardBounce ? "true" : "false",
        "action" => ClassificationJson.ActionName(c.Event.Action),
        _ => null,
    };

    private static string Summaries(IReadOnlyList<BounceClassification> results) => results.Count == 0 ? string.Empty :
        " (" + string.Join("; ", results.Select((r, i) => $"{i + 1}: {ClassificationJson.ActionName(r.Event.Action)} {r.Event.Recipient ?? r.Event.RecipientDomain ?? "?"} [{string.Join(", ", r.Findings.Select(f => f.RuleId))}]")) + ")";

    /// <summary>The loaded rules this runner checks against.</summary>
    public LoadedRuleSet Rules => rules;
}
