using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>
/// DBR0102: a rule every one of whose examples is also matched by one higher-priority rule of the same family that
/// states every conclusion it states: the rule never decides anything.
/// </summary>
public sealed class ShadowCheck : ILintCheck
{
    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        foreach (var group in context.Examples.GroupBy(e => e.Owner))
        {
            var rule = group.Key;
            var mine = Conclusions.Of(rule.Descriptor);
            var family = rule.Id.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            var shadows = group.Select(e => e.Matching
                    .Where(o => o != rule && o.Descriptor.Priority > rule.Descriptor.Priority && o.Id.StartsWith(family, StringComparison.Ordinal)
                        && o.Id.Length == rule.Id.Length && mine.Keys.All(Conclusions.Of(o.Descriptor).ContainsKey))
                    .Select(o => o.Id).ToHashSet(StringComparer.Ordinal))
                .Aggregate((a, b) => { a.IntersectWith(b); return a; });
            if (shadows.Count == 0) continue;
            bag.Report(DiagnosticCatalog.ShadowedRule, rule.Descriptor.IdLocation,
                $"rule {rule.Id} never decides on its own examples: each is decided by higher-priority {string.Join(", ", shadows.Order(StringComparer.Ordinal))}; if it is a fallback, add an example only it explains, else narrow the other rule or merge them");
        }
    }
}
