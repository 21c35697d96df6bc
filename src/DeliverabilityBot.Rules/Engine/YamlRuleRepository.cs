using System.Linq.Expressions;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Matching;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DeliverabilityBot.Rules.Engine;

/// <summary>
/// The NRules rule repository built from YAML rules with <see cref="RuleBuilder"/>: one engine rule per index bucket
/// (fewer, broader rules), each a pattern over <see cref="EventFacts"/> whose condition is the bucket test and whose
/// action is the bucket's <see cref="BucketMatcher"/> over the rules' already compiled predicates.
/// </summary>
/// <remarks>
/// One engine rule per YAML rule cost about 1 ms per rule to compile plus a JIT-compiled dynamic method per
/// condition on first use, which dominated cold start (a few hundred ms for the shipped set, seconds for 1,000 rules).
/// Per bucket, compilation is a handful of expressions whatever the rule count, and what each event evaluates is
/// unchanged: the rules of the buckets it falls into, in load order. Findings are ordered afterwards by priority.
/// </remarks>
public sealed class YamlRuleRepository : IRuleRepository
{
    private const string FactName = "facts"; // NRules binds lambda parameters to patterns by this name
    private readonly IRuleSet _ruleSet = new RuleSet("yaml");

    /// <summary>Builds one engine rule per bucket that has an enabled rule; <paramref name="enabled"/> says which positions to include.</summary>
    public YamlRuleRepository(IReadOnlyList<CompiledRule> rules, RuleIndex index, Func<int, bool> enabled, ConditionFailureCounter failures)
    {
        var inBucket = typeof(EventFacts).GetMethod(nameof(EventFacts.InBucket))!;
        var run = typeof(BucketMatcher).GetMethod(nameof(BucketMatcher.Run))!;
        var definitions = new List<IRuleDefinition>(index.Count);
        var matchers = new List<BucketMatcher>(index.Count);
        for (var b = 0; b < index.Count; b++)
        {
            var positions = index.RulesInBucket[b].Where(enabled).ToArray();
            if (positions.Length == 0) continue;
            var matcher = new BucketMatcher(rules, positions, failures);
            matchers.Add(matcher);
            var builder = new RuleBuilder();
            builder.Name(index.Describe(b));
            var pattern = builder.LeftHandSide().Pattern(typeof(EventFacts), FactName);
            var facts = Expression.Parameter(typeof(EventFacts), FactName);
            pattern.Condition(Expression.Lambda(Expression.Call(facts, inBucket, Expression.Constant(b)), facts));
            var context = Expression.Parameter(typeof(IContext), "ctx");
            builder.RightHandSide().Action(Expression.Lambda(Expression.Call(Expression.Constant(matcher), run, facts), context, facts));
            definitions.Add(builder.Build());
        }
        _ruleSet.Add(definitions);
        Matchers = matchers;
    }

    /// <summary>The bucket matchers behind the engine rules, in bucket order.</summary>
    public IReadOnlyList<BucketMatcher> Matchers { get; }

    /// <inheritdoc />
    public IEnumerable<IRuleSet> GetRuleSets() => [_ruleSet];
}
