using System.CommandLine;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// <c>dbot chat</c>: an interactive conversation with the bot over the ingested history. Follow-ups keep their
/// context; <c>/history</c> lists the turns so far, <c>/new</c> starts afresh, <c>/quit</c> (or end of input) leaves.
/// A pasted bounce may span lines when wrapped in a <c>```</c> fence.
/// </summary>
public static class ChatCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("chat", "Talk to the bot: ask, follow up, paste bounces (/help for commands).");
        var data = ChatSession.Data();
        command.Options.Add(data);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var session = ChatSession.Open(parse, data, parse.InvocationConfiguration.Error);
            if (session is null) return 2;
            await new ChatLoop(session.Bot, Console.In, output, !Console.IsInputRedirected).RunAsync(ct);
            return 0;
        });
        return command;
    }
}

/// <summary>The read-answer loop of <c>dbot chat</c>, separate from the console so it can be driven by tests.</summary>
public sealed class ChatLoop(IChatBot bot, TextReader input, TextWriter output, bool interactive)
{
    private readonly PlainTextRenderer _renderer = new();
    private readonly List<(string Question, string Intent, string Headline)> _history = [];
    private string _conversation = NewId();

    /// <summary>Runs until <c>/quit</c> or the end of input.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        if (interactive)
            output.WriteLine("Ask about your mail delivery, e.g. \"why is icloud deferring us?\". /help for commands, /quit to leave.");
        while (!ct.IsCancellationRequested)
        {
            if (interactive) output.Write("you> ");
            var line = await input.ReadLineAsync(ct);
            if (line is null) break;
            var text = line.TrimStart().StartsWith("```", StringComparison.Ordinal) ? await ReadFenceAsync(line, ct) : line;
            if (string.IsNullOrWhiteSpace(text)) continue;
            switch (text.Trim().ToLowerInvariant())
            {
                case "/quit" or "/exit" or "quit" or "exit":
                    return;
                case "/new":
                    _conversation = NewId();
                    _history.Clear();
                    output.WriteLine("Started a new conversation.");
                    continue;
                case "/history":
                    WriteHistory();
                    continue;
                case "/help":
                    output.WriteLine("/history  the questions so far and what they were understood as\n/new      forget the context and start afresh\n/quit     leave\n```       start (and end) a multi-line paste, e.g. a whole DSN");
                    continue;
            }
            var reply = await bot.AnswerAsync(new ChatTurn("cli", _conversation, null, Environment.UserName, text), ct);
            _history.Add((text.Split('\n')[0], reply.Intent, reply.Answer.Headline));
            if (interactive) output.WriteLine();
            output.Write(_renderer.Render(reply.Answer));
            output.WriteLine();
        }
    }

    private async Task<string> ReadFenceAsync(string first, CancellationToken ct)
    {
        var lines = new List<string> { first };
        if (first.Trim().Length > 3 && first.TrimEnd().EndsWith("```", StringComparison.Ordinal)) return first;
        while (await input.ReadLineAsync(ct) is { } line)
        {
            lines.Add(line);
            if (line.TrimEnd().EndsWith("```", StringComparison.Ordinal)) break;
        }
        return string.Join('\n', lines);
    }

    private void WriteHistory()
    {
        if (_history.Count == 0) { output.WriteLine("No questions yet in this conversation."); return; }
        var n = 0;
        foreach (var (q, intent, headline) in _history)
            output.WriteLine($"{++n}. {SafeText.Clean(q)}  [{intent}]\n   {SafeText.Clean(headline)}");
    }

    private static string NewId() => "cli-" + Guid.NewGuid().ToString("N")[..12];
}
