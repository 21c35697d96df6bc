using System.Linq.Expressions;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Matching;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DeliverabilityBot.Rules.Engine;

/// <summary>
/// The NRules rule repository built from YAML rules with <see cref="RuleBuilder"/>: per rule one pattern over
/// <see cref="EventFacts"/> with two conditions (the shared index bucket, then the rule's compiled predicate) and one
/// action that records the rule's position on the fact. Names are the rule ids (unique: the loader rejects
/// duplicates, which NRules would accept silently).
/// </summary>
public sealed class YamlRuleRepository : IRuleRepository
{
    private const string FactName = "facts"; // NRules binds lambda parameters to patterns by this name
    private readonly IRuleSet _ruleSet = new RuleSet("yaml");

    /// <summary>Builds one NRules rule per compiled rule; <paramref name="enabled"/> says which positions to include.</summary>
    public YamlRuleRepository(IReadOnlyList<CompiledRule> rules, RuleIndex index, Func<int, bool> enabled)
    {
        var inBucket = typeof(EventFacts).GetMethod(nameof(EventFacts.InBucket))!;
        var fire = typeof(EventFacts).GetMethod(nameof(EventFacts.Fire))!;
        var matches = typeof(CompiledRule).GetMethod(nameof(CompiledRule.Matches))!;
        var definitions = new List<IRuleDefinition>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            if (!enabled(i)) continue;
            var builder = new RuleBuilder();
            builder.Name(rules[i].Id);
            builder.Priority(rules[i].Descriptor.Priority);
            var pattern = builder.LeftHandSide().Pattern(typeof(EventFacts), FactName);
            var facts = Expression.Parameter(typeof(EventFacts), FactName);
            pattern.Condition(Expression.Lambda(Expression.Call(facts, inBucket, Expression.Constant(index.BucketOf[i])), facts));
            pattern.Condition(Expression.Lambda(Expression.Call(Expression.Constant(rules[i]), matches, facts), facts));
            var context = Expression.Parameter(typeof(IContext), "ctx");
            builder.RightHandSide().Action(Expression.Lambda(Expression.Call(facts, fire, Expression.Constant(i)), context, facts));
            definitions.Add(builder.Build());
        }
        _ruleSet.Add(definitions);
    }

    /// <inheritdoc />
    public IEnumerable<IRuleSet> GetRuleSets() => [_ruleSet];
}
