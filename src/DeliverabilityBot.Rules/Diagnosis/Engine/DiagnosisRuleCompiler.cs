using System.Linq.Expressions;
using DeliverabilityBot.Rules.Diagnosis.Facts;
using DeliverabilityBot.Rules.Diagnosis.Model;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>
/// Turns diagnosis rules into NRules definitions: a <see cref="SignalFact"/> pattern for the rule's id with one
/// condition per threshold; fallback rules add "and no <see cref="FiredDiagnosis"/> exists" and fire last.
/// </summary>
public static class DiagnosisRuleCompiler
{
    private const int FallbackPriority = -1000;

    /// <summary>The NRules definition of one rule.</summary>
    public static IRuleDefinition Compile(DiagnosisRule rule)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Priority(rule.Fallback ? FallbackPriority : rule.Priority);
        var lhs = builder.LeftHandSide();

        // Lambda parameter names must equal the pattern names (NRules binds by name).
        var pattern = lhs.Pattern(typeof(SignalFact), "fact");
        var fact = Expression.Parameter(typeof(SignalFact), "fact");
        var id = rule.Id;
        pattern.Condition(Expression.Lambda<Func<SignalFact, bool>>(
            Expression.Equal(Expression.Property(fact, nameof(SignalFact.RuleId)), Expression.Constant(id)), fact));
        foreach (var c in rule.When)
        {
            var value = Expression.Property(fact, Metrics.ByName[c.Metric].Property);
            if (c.Min is { } min)
                pattern.Condition(Expression.Lambda<Func<SignalFact, bool>>(Expression.GreaterThanOrEqual(value, Expression.Constant(min)), fact));
            if (c.Max is { } max)
                pattern.Condition(Expression.Lambda<Func<SignalFact, bool>>(Expression.LessThanOrEqual(value, Expression.Constant(max)), fact));
        }
        if (rule.Fallback) lhs.Not().Pattern(typeof(FiredDiagnosis), "other");

        Expression<Action<IContext, SignalFact>> action = (ctx, fact) => FiredDiagnosis.Conclude(ctx, fact);
        builder.RightHandSide().Action(action);
        return builder.Build();
    }
}
