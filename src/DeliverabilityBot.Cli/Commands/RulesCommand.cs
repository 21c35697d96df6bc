using System.CommandLine;

namespace DeliverabilityBot.Cli.Commands;

/// <summary><c>dbot rules</c>: the rule authoring tools (validate, lint, test).</summary>
public static class RulesCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create()
    {
        var rules = new Command("rules", "Validate, lint and test rule files.");
        rules.Subcommands.Add(RulesValidateCommand.Create());
        rules.Subcommands.Add(RulesLintCommand.Create());
        rules.Subcommands.Add(RulesTestCommand.Create());
        return rules;
    }
}
