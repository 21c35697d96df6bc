using System.CommandLine;
using DeliverabilityBot.Rules.Tooling;

namespace DeliverabilityBot.Cli.Commands;

/// <summary><c>dbot rules validate [DIR] [--format text|sarif]</c>: loads every rule file and reports diagnostics; exit 1 on errors.</summary>
public static class RulesValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<string?>("DIR") { Description = "Rules folder (default: --rules, $DBOT_RULES, else the embedded set).", Arity = ArgumentArity.ZeroOrOne };
        var format = CliOptions.Format();
        var command = new Command("validate", "Check rule files like a compiler: syntax, keys, types, vocabulary, regexes, examples.");
        command.Arguments.Add(dir);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir) ?? parse.GetValue(CliOptions.Rules);
            var rules = RuleSetProvider.Load(folder, parse.InvocationConfiguration.Error);
            if (rules is null) return 2;
            var config = DeploymentConfigProvider.Load(parse.GetValue(CliOptions.Config), rules, parse.InvocationConfiguration.Error);
            var diagnostics = rules.Diagnostics.Concat(config?.Diagnostics ?? []).ToList();
            if (config is not null) diagnostics = config.Apply(diagnostics).ToList();
            var summary = $"{RuleSetProvider.Describe(folder)}: {rules.Files.Count + rules.ExcludedFiles.Count} file(s), {rules.Rules.Count} rule(s) loaded";
            return DiagnosticReport.Write(parse.GetValue(format)!, "dbot rules validate", diagnostics, parse.InvocationConfiguration.Output, summary);
        });
        return command;
    }
}
