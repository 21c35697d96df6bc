using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Cli.Commands;

/// <summary><c>dbot ask [--json] [--conversation ID] "question"</c>: one turn with the bot over the ingested history.</summary>
public static class AskCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var question = new Argument<string[]>("QUESTION") { Description = "The question, e.g. \"why is icloud deferring us?\", or '-' to read it (or a pasted bounce) from stdin.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print {intent, entities, answer} as JSON." };
        var chart = History.ChartOptions.Chart("the answer's chart (ask \"show me a chart\", \"chart per IP\")");
        var conversation = new Option<string>("--conversation") { Description = "Conversation id: asks with the same id keep their context (follow-ups).", DefaultValueFactory = _ => "cli" };
        var command = new Command("ask", "Ask the bot one question about the ingested history (or explain a pasted bounce).");
        command.Arguments.Add(question);
        command.Options.Add(json);
        command.Options.Add(conversation);
        command.Options.Add(chart);
        var data = ChatSession.Data();
        command.Options.Add(data);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var words = parse.GetValue(question) ?? [];
            var text = words is ["-"] ? await Console.In.ReadToEndAsync(ct) : string.Join(' ', words);
            if (string.IsNullOrWhiteSpace(text))
            {
                error.WriteLine("dbot ask: give a question, e.g. dbot ask \"why is icloud deferring us?\"");
                return 2;
            }
            var file = parse.GetValue(chart);
            if (Output.ChartFile.Problem(file) is { } problem)
            {
                error.WriteLine($"dbot ask: {problem}");
                return 2;
            }

            var session = ChatSession.Open(parse, data, error);
            if (session is null) return 2;
            var reply = await session.Bot.AnswerAsync(new ChatTurn("cli", parse.GetValue(conversation)!, null, Environment.UserName, text), ct);
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(new { intent = reply.Intent, entities = reply.Entities, answer = reply.Answer }, Json));
            else
                output.Write(new PlainTextRenderer().Render(reply.Answer));
            if (file is null) return 0;
            var drawn = reply.Answer.BlocksOf<Conversation.Answers.Blocks.ChartBlock>().FirstOrDefault();
            if (drawn is null)
            {
                error.WriteLine("dbot ask: this answer has no chart to write; ask for one, e.g. dbot ask --chart out.png \"show me a chart for icloud\".");
                return 1;
            }

            return Output.ChartFile.Write(drawn, file, parse.GetValue(json) ? error : output, error);
        });
        return command;
    }
}
