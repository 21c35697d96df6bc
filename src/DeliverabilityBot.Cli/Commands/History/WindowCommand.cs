using System.CommandLine;
using DeliverabilityBot.Application;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>
/// A command over a window of the history (<c>stats</c>, <c>why</c>): the <c>RECEIVER</c> argument, <c>--since</c> and
/// <c>--data</c>, the runtime, the parsed window, and one way of reporting bad input (exit 2) and store errors (exit 1).
/// </summary>
internal static class WindowCommand
{
    /// <summary>What the command's body gets: the parse result, its writers, the runtime, the receiver id and the window.</summary>
    public sealed record Context(ParseResult Parse, TextWriter Output, TextWriter Error, DeliverabilityBotRuntime Runtime, string? Receiver, TimeWindow Window);

    /// <summary>Creates the command; <paramref name="options"/> are its own options, <paramref name="run"/> its body (returns the exit code).</summary>
    public static Command Create(string name, string description, IEnumerable<Option> options, Func<Context, int> run)
    {
        var receiver = HistoryOptions.Receiver();
        var since = HistoryOptions.Since();
        var data = HistoryOptions.Data();
        var command = new Command(name, description);
        command.Arguments.Add(receiver);
        command.Options.Add(since);
        command.Options.Add(data);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var runtime = HistoryOptions.Runtime(parse, data);
                if (!HistoryOptions.TryWindow(parse, receiver, since, runtime, error, out var id, out var window)) return 2;
                return run(new Context(parse, output, error, runtime, id, window));
            }
            catch (StoreException ex)
            {
                error.WriteLine($"dbot: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
