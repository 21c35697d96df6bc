using System.CommandLine;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Rules.Fixtures;
using DeliverabilityBot.Rules.Tooling;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// <c>dbot rules test [DIR] [--fixtures DIR] [--format text|sarif]</c>: runs every fixture, prints each failing one as
/// expected against actual, prints coverage; a rule without a positive fixture is an error. Exit 1 on any error.
/// </summary>
public static class RulesTestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var dir = new Argument<string?>("DIR") { Description = "Rules folder (default: --rules, $DBOT_RULES, else the embedded set).", Arity = ArgumentArity.ZeroOrOne };
        var fixtures = new Option<string>("--fixtures") { Description = "Fixtures folder.", DefaultValueFactory = _ => "tests/fixtures" };
        var format = CliOptions.Format();
        var command = new Command("test", "Run the rule fixtures (input plus expected findings) and report coverage.");
        command.Arguments.Add(dir);
        command.Options.Add(fixtures);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var folder = parse.GetValue(dir) ?? parse.GetValue(CliOptions.Rules);
            var fixtureDir = parse.GetValue(fixtures)!;
            if (!Directory.Exists(fixtureDir))
            {
                error.WriteLine($"dbot rules test: fixtures folder '{fixtureDir}' does not exist (use --fixtures DIR).");
                return 2;
            }
            var runtime = CliRuntime.Create(parse, o => { o.RulesDirectory = folder; o.CheckRuleExamples = true; });
            var rules = CliRuntime.LoadRules(runtime, error, reportErrors: false);
            if (rules is null) return 2;
            var config = runtime.CheckedConfig();
            var result = FixtureSuite.Run(fixtureDir, rules, runtime.Classifier, TextEvidenceParser.Parse);
            var diagnostics = rules.Diagnostics.Concat(result.Diagnostics).Concat(config?.Diagnostics ?? []).ToList();
            if (config is not null) diagnostics = config.Apply(diagnostics).ToList();
            var passed = result.Outcomes.Count(o => o.Passed);
            var summary = $"{result.Outcomes.Count} fixture(s), {passed} passed, {result.Outcomes.Count - passed} failed; {result.Coverage}";
            return DiagnosticReport.Write(parse.GetValue(format)!, "dbot rules test", diagnostics, output, summary);
        });
        return command;
    }
}
