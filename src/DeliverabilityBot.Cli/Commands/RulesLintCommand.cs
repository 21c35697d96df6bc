using System.CommandLine;
using DeliverabilityBot.Rules.Diagnosis.Loading;
using DeliverabilityBot.Rules.Lint;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// <c>dbot rules lint [DIR] [--format text|sarif]</c>: validation plus conflicts, shadowed rules, duplicate patterns,
/// regexes that could be contains, id ranges (ID-RANGES.md) and the release ledger (RELEASES.md). Exit 1 on errors.
/// </summary>
public static class RulesLintCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create() => RuleDiagnosticsCommand.Create(
        "lint", "Find conflicting, shadowed or duplicate rules, id range and release ledger problems.",
        (rules, folder) => RuleLinter.Lint(rules, RuleDocument.Companion(folder, RuleDocument.IdRanges), RuleDocument.Companion(folder, RuleDocument.Ledger),
            DiagnosisRuleLoader.Load(folder, new RuleLoadOptions { KnownReceivers = rules.Receivers.All.Where(r => r.IsReceiver).Select(r => r.Id).ToHashSet(StringComparer.Ordinal) }).Rules),
        (rules, folder) => $"{RuleSetProvider.Describe(folder)}: {rules.Rules.Count} rule(s) linted");
}
