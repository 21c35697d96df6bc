using System.CommandLine;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Tooling;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// A command that loads a rules folder and reports diagnostics (<c>rules validate</c>, <c>rules lint</c>): the
/// <c>DIR</c> argument, <c>--format text|sarif</c>, deployment severity overrides, and the report with its exit code.
/// </summary>
internal static class RuleDiagnosticsCommand
{
    /// <summary>
    /// Creates the command. <paramref name="extra"/> adds the command's own diagnostics to the loader's (given the rule
    /// set and the folder as named, null for the embedded set); <paramref name="summary"/> is the last line of the report.
    /// </summary>
    public static Command Create(string name, string description, Func<LoadedRuleSet, string?, IEnumerable<RuleDiagnostic>> extra,
        Func<LoadedRuleSet, string?, string> summary)
    {
        var dir = new Argument<string?>("DIR") { Description = "Rules folder (default: --rules, $DBOT_RULES, else the embedded set).", Arity = ArgumentArity.ZeroOrOne };
        var format = CliOptions.Format();
        var command = new Command(name, description);
        command.Arguments.Add(dir);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir) ?? parse.GetValue(CliOptions.Rules);
            var runtime = CliRuntime.Create(parse, o => { o.RulesDirectory = folder; o.CheckRuleExamples = true; });
            var rules = CliRuntime.LoadRules(runtime, parse.InvocationConfiguration.Error, reportErrors: false);
            if (rules is null) return 2;
            var config = runtime.CheckedConfig();
            var diagnostics = rules.Diagnostics.Concat(extra(rules, folder)).Concat(config?.Diagnostics ?? []).ToList();
            if (config is not null) diagnostics = config.Apply(diagnostics).ToList();
            return DiagnosticReport.Write(parse.GetValue(format)!, $"dbot rules {name}", diagnostics, parse.InvocationConfiguration.Output,
                summary(rules, folder));
        });
        return command;
    }
}
