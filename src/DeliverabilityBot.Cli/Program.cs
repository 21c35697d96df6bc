using System.CommandLine;
using DeliverabilityBot.Cli.Commands;

var root = new RootCommand("dbot: why mailbox providers defer or reject your mail, and what to do about it.");
root.Options.Add(CliOptions.Rules);
root.Options.Add(CliOptions.Config);
root.Options.Add(CliOptions.Store);

// One line per command; each command lives in its own file under Commands/.
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(ClassifyCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(DeliverabilityBot.Cli.Commands.History.IngestCommand.Create());
root.Subcommands.Add(DeliverabilityBot.Cli.Commands.History.StatsCommand.Create());
root.Subcommands.Add(DeliverabilityBot.Cli.Commands.History.SuppressCommand.Create());
root.Subcommands.Add(DeliverabilityBot.Cli.Commands.History.WhyCommand.Create());
root.Subcommands.Add(DeliverabilityBot.Cli.Commands.History.TimelineCommand.Create());
root.Subcommands.Add(DeliverabilityBot.Cli.Commands.History.AlertsCommand.Create());
root.Subcommands.Add(DeliverabilityBot.Cli.Commands.History.WatchCommand.Create());
root.Subcommands.Add(AskCommand.Create());
root.Subcommands.Add(ChatCommand.Create());
root.Subcommands.Add(ChecksCommand.Create());

return root.Parse(args).Invoke();
