using System.CommandLine;
using DeliverabilityBot.Rules.Lint;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Tooling;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// <c>dbot rules lint [DIR] [--format text|sarif]</c>: validation plus conflicts, shadowed rules, duplicate patterns,
/// regexes that could be contains, id ranges (ID-RANGES.md) and the release ledger (RELEASES.md). Exit 1 on errors.
/// </summary>
public static class RulesLintCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<string?>("DIR") { Description = "Rules folder (default: --rules, $DBOT_RULES, else the embedded set).", Arity = ArgumentArity.ZeroOrOne };
        var format = CliOptions.Format();
        var command = new Command("lint", "Find conflicting, shadowed or duplicate rules, id range and release ledger problems.");
        command.Arguments.Add(dir);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir) ?? parse.GetValue(CliOptions.Rules);
            var rules = RuleSetProvider.Load(folder, parse.InvocationConfiguration.Error);
            if (rules is null) return 2;
            var lint = RuleLinter.Lint(rules, RuleSources.Companion(folder, "ID-RANGES.md"), RuleSources.Companion(folder, "RELEASES.md"));
            var config = DeploymentConfigProvider.Load(parse.GetValue(CliOptions.Config), rules, parse.InvocationConfiguration.Error);
            var diagnostics = rules.Diagnostics.Concat(lint).Concat(config?.Diagnostics ?? []).ToList();
            if (config is not null) diagnostics = config.Apply(diagnostics).ToList();
            var summary = $"{RuleSetProvider.Describe(folder)}: {rules.Rules.Count} rule(s) linted";
            return DiagnosticReport.Write(parse.GetValue(format)!, "dbot rules lint", diagnostics, parse.InvocationConfiguration.Output, summary);
        });
        return command;
    }
}
