using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>DBR0103: two rules with the same match (order of keys and values ignored), or one value listed twice in a leaf.</summary>
public sealed class DuplicatePatternCheck : ILintCheck
{
    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in context.Rules.Rules)
        {
            var key = Canonical(rule.Descriptor.Match);
            if (seen.TryGetValue(key, out var first))
                bag.Report(DiagnosticCatalog.DuplicatePattern, rule.Descriptor.Match.Location, $"rule {rule.Id} has the same match as rule {first}; merge them or make one narrower");
            else seen[key] = rule.Id;
            foreach (var leaf in Leaves(rule.Descriptor.Match))
            {
                var dup = leaf.Values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
                if (dup is not null)
                    bag.Report(DiagnosticCatalog.DuplicatePattern, leaf.Location, $"'{leaf.Field}' of rule {rule.Id} lists '{dup.Key}' more than once");
            }
        }
    }

    /// <summary>An order-independent text form of a condition tree.</summary>
    public static string Canonical(Condition c) => c switch
    {
        AllCondition a when a.Children.Count == 1 => Canonical(a.Children[0]),
        AllCondition a => "all(" + string.Join(",", a.Children.Select(Canonical).Order(StringComparer.Ordinal)) + ")",
        AnyCondition a => "any(" + string.Join(",", a.Children.Select(Canonical).Order(StringComparer.Ordinal)) + ")",
        NotCondition n => "not(" + Canonical(n.Child) + ")",
        LeafCondition l => l.Field + "=" + string.Join("|", l.Values.Select(v => v.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)),
        _ => "?",
    };

    private static IEnumerable<LeafCondition> Leaves(Condition c) => c switch
    {
        AllCondition a => a.Children.SelectMany(Leaves),
        AnyCondition a => a.Children.SelectMany(Leaves),
        NotCondition n => Leaves(n.Child),
        LeafCondition l => [l],
        _ => [],
    };
}
