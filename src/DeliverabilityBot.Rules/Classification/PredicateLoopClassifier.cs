using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>
/// The same compiled predicates and index in a plain loop, without the engine: the practical speed limit the
/// NRules classifier is benchmarked against, and the oracle tests compare it with.
/// </summary>
public sealed class PredicateLoopClassifier(LoadedRuleSet ruleSet, IReadOnlyDictionary<string, RuleSeverity>? severityOverrides = null)
    : RuleClassifierBase(ruleSet, severityOverrides)
{
    /// <inheritdoc />
    protected override void Match(EventFacts facts)
    {
        for (var b = 0; b < Index.Count; b++)
        {
            if (!facts.Buckets[b]) continue;
            foreach (var i in Index.RulesInBucket[b])
                if (IsEnabled(i) && Rules[i].Matches(facts)) facts.Fire(i);
        }
    }
}
