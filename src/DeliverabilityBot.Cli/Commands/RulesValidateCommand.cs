using System.CommandLine;

namespace DeliverabilityBot.Cli.Commands;

/// <summary><c>dbot rules validate [DIR] [--format text|sarif]</c>: loads every rule file and reports diagnostics; exit 1 on errors.</summary>
public static class RulesValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create() => RuleDiagnosticsCommand.Create(
        "validate", "Check rule files like a compiler: syntax, keys, types, vocabulary, regexes, examples.",
        (_, _) => [],
        (rules, folder) => $"{RuleSetProvider.Describe(folder)}: {rules.Files.Count + rules.ExcludedFiles.Count} file(s), {rules.Rules.Count} rule(s) loaded");
}
