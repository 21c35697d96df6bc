using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Matching.Compiled;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>Builds the finding of a rule that matched: re-runs its predicate once to collect spans and regex groups.</summary>
public static class FindingFactory
{
    /// <summary>The finding, with <paramref name="severity"/> as the effective (overridden) severity.</summary>
    public static Finding Create(CompiledRule rule, EventFacts facts, RuleSeverity severity)
    {
        var detail = new MatchDetail();
        rule.Condition.Evaluate(facts, detail);
        var d = rule.Descriptor;
        return new Finding
        {
            RuleId = d.Id,
            Title = d.Title,
            Message = MessageFormatter.Format(d.Message, facts, detail),
            Severity = severity,
            Scope = d.Scope,
            Category = d.Category,
            Priority = d.Priority,
            Reason = d.Reason,
            Receiver = d.Receiver,
            Filter = d.Filter,
            Retryable = d.Retryable,
            HardBounce = d.HardBounce,
            Explanation = d.Explanation,
            Actions = d.Actions,
            References = [d.HelpUri, .. d.References.Select(r => r.Url).Where(u => u != d.HelpUri)],
            HelpUri = d.HelpUri,
            Matches = detail.Spans.ToArray(),
        };
    }
}
