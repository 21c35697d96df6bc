using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Builds every rule regex of a rule set on the non-backtracking engine now, the exact check of what the engine accepts
/// (loading checks patterns cheaply and builds them on first use). Runs where rules are written and admitted, with the
/// example checks; a regex the engine refuses is DBR0034 (or DBR0015) at the regex, so its file is left out.
/// </summary>
internal static class RegexBuildCheck
{
    /// <summary>Builds the regexes of <paramref name="rules"/> (both cores) and reports each refusal into <paramref name="bag"/>.</summary>
    public static void Check(IReadOnlyList<RuleDescriptor> rules, DiagnosticBag bag)
    {
        var leaves = rules.SelectMany(r => RegexLeaves(r.Match).Select(l => (Rule: r, Leaf: l))).ToArray();
        var refusals = new (string? Error, bool NeedsBacktracking)?[leaves.Length];
        Parallel.For(0, leaves.Length, i =>
        {
            if (!leaves[i].Leaf.Pattern!.TryBuild(out var error, out var needsBacktracking)) refusals[i] = (error, needsBacktracking);
        });
        for (var i = 0; i < leaves.Length; i++)
        {
            if (refusals[i] is not var (error, needsBacktracking)) continue;
            bag.Report(needsBacktracking ? DiagnosticCatalog.RegexNeedsBacktracking : DiagnosticCatalog.InvalidRegex, leaves[i].Leaf.Location,
                $"the regex of rule {leaves[i].Rule.Id} cannot run on the non-backtracking engine: {error}");
        }
    }

    private static IEnumerable<LeafCondition> RegexLeaves(Condition c) => c switch
    {
        AllCondition a => a.Children.SelectMany(RegexLeaves),
        AnyCondition a => a.Children.SelectMany(RegexLeaves),
        NotCondition n => RegexLeaves(n.Child),
        LeafCondition { Pattern: not null } l => [l],
        _ => [],
    };
}
