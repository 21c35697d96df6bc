using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>Runs every lint check over a loaded rule set (after validation: lint reads only clean files).</summary>
public static class RuleLinter
{
    /// <summary>The checks, in report order.</summary>
    public static IReadOnlyList<ILintCheck> Checks { get; } =
        [new ConflictCheck(), new ShadowCheck(), new DuplicatePatternCheck(), new RegexLiteralCheck(), new IdRangeCheck(), new LedgerCheck(), new SuppressAdviceCheck(), new RegistryCheck()];

    /// <summary>
    /// Lints <paramref name="rules"/> against the companion documents (null when not found); with
    /// <paramref name="diagnosisRules"/>, the ledger check covers the diagnosis rule ids too.
    /// </summary>
    public static IReadOnlyList<RuleDiagnostic> Lint(LoadedRuleSet rules, RuleDocument? idRanges, RuleDocument? ledger,
        IReadOnlyList<Diagnosis.Model.DiagnosisRule>? diagnosisRules = null)
    {
        var context = new LintContext(rules, idRanges, ledger, diagnosisRules);
        var bag = new DiagnosticBag();
        foreach (var check in Checks) check.Run(context, bag);
        return bag.Items;
    }
}
