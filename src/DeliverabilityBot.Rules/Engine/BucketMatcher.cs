using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Engine;

/// <summary>
/// The action of one bucket's engine rule: runs the compiled predicates of the bucket's enabled rules, in load order,
/// and fires each that matches. A predicate that throws counts as no match (and is counted) without stopping the
/// bucket's other rules.
/// </summary>
public sealed class BucketMatcher
{
    private readonly int[] _positions;
    private readonly CompiledRule[] _rules;
    private readonly ConditionFailureCounter _failures;

    /// <summary>Matches the rules at <paramref name="positions"/> (positions in <paramref name="rules"/>).</summary>
    public BucketMatcher(IReadOnlyList<CompiledRule> rules, int[] positions, ConditionFailureCounter failures)
    {
        _positions = positions;
        _rules = positions.Select(p => rules[p]).ToArray();
        _failures = failures;
    }

    /// <summary>Rule positions this matcher evaluates.</summary>
    public IReadOnlyList<int> Positions => _positions;

    /// <summary>Adds the position of every matching rule to <c>facts.Fired</c>.</summary>
    public void Run(EventFacts facts)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            bool matched;
            try
            {
                matched = _rules[i].Matches(facts);
            }
            catch (Exception)
            {
                // A predicate bug must not take the event (or the bucket's other rules) down: no match, counted.
                _failures.Increment();
                matched = false;
            }
            if (matched) facts.Fire(_positions[i]);
        }
    }
}
