using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>
/// What every classifier over a loaded rule set shares: attribution, the index, effective severities, and turning
/// the positions of matched rules into an ordered, merged <see cref="BounceClassification"/>. Thread-safe.
/// </summary>
public abstract class RuleClassifierBase : IBounceClassifier
{
    /// <summary>Prepares attribution, index and severities (overrides by rule id; <c>none</c> disables a rule).</summary>
    protected RuleClassifierBase(LoadedRuleSet ruleSet, IReadOnlyDictionary<string, RuleSeverity>? severityOverrides)
    {
        RuleSet = ruleSet;
        Rules = ruleSet.Rules;
        Index = new RuleIndex(Rules);
        Severities = Rules.Select(r => severityOverrides is not null && severityOverrides.TryGetValue(r.Id, out var s) ? s : r.Descriptor.Severity).ToArray();
    }

    /// <summary>The rule set classified against.</summary>
    public LoadedRuleSet RuleSet { get; }

    /// <summary>The rules, by position.</summary>
    protected IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The receiver / reply-class index.</summary>
    protected RuleIndex Index { get; }

    /// <summary>Effective severity per rule position.</summary>
    protected RuleSeverity[] Severities { get; }

    /// <summary>True when the rule at <paramref name="position"/> is not turned off.</summary>
    protected bool IsEnabled(int position) => Severities[position] != RuleSeverity.None;

    /// <inheritdoc />
    public BounceClassification Classify(BounceEvent bounce)
    {
        ArgumentNullException.ThrowIfNull(bounce);
        var facts = RuleSet.Attributor.Facts(bounce);
        facts.Buckets = Index.Membership(facts);
        Match(facts);
        var findings = new Finding[facts.Fired.Count];
        for (var i = 0; i < findings.Length; i++)
            findings[i] = FindingFactory.Create(Rules[facts.Fired[i]], facts, Severities[facts.Fired[i]]);
        return ClassificationMerger.Merge(facts, ClassificationMerger.Order(findings));
    }

    /// <inheritdoc />
    public IReadOnlyList<BounceClassification> ClassifyAll(IReadOnlyList<BounceEvent> bounces)
    {
        var results = new BounceClassification[bounces.Count];
        for (var i = 0; i < results.Length; i++) results[i] = Classify(bounces[i]);
        return results;
    }

    /// <summary>Adds the positions of every enabled rule that matches to <c>facts.Fired</c>.</summary>
    protected abstract void Match(EventFacts facts);
}
