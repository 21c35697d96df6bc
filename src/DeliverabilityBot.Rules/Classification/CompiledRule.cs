using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Matching.Compiled;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>A validated rule with its compiled predicate: what the engine, the plain loop and the tools all run.</summary>
/// <param name="Descriptor">The rule as written.</param>
/// <param name="Condition">Its compiled match.</param>
public sealed record CompiledRule(RuleDescriptor Descriptor, ICompiledCondition Condition)
{
    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>True when the rule matches the event (no detail collected).</summary>
    public bool Matches(EventFacts facts) => Condition.Evaluate(facts, null);
}
