using System.CommandLine;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Queries;
using DeliverabilityBot.Conversation;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>
/// The bot as <c>dbot ask</c> and <c>dbot chat</c> use it: the same store as <c>dbot ingest</c> (<c>--data</c>, else
/// <c>DBOT_DATA</c>, else the per-user folder), the same rules (<c>--rules</c>), and conversation state kept beside
/// the history so <c>dbot ask</c> follow-ups work across invocations; DNS checks as <see cref="ChecksSettings"/> sets them.
/// </summary>
internal sealed class ChatSession
{
    private ChatSession(IChatBot bot) => Bot = bot;

    /// <summary>The bot.</summary>
    public IChatBot Bot { get; }

    /// <summary><c>--data DIR</c>, one instance per command.</summary>
    public static Option<string?> Data() => new("--data")
    {
        Description = "Data folder holding the history database (default: $DBOT_DATA, else a per-user folder), as for dbot ingest.",
    };

    /// <summary>Opens the session; reports an unusable data folder on <paramref name="error"/> and returns null.</summary>
    public static ChatSession? Open(ParseResult parse, Option<string?> data, TextWriter error)
    {
        try
        {
            var folder = DataFolder.Resolve(parse.GetValue(data));
            var runtime = CliRuntime.Create(parse, o => o.DataDirectory = folder);
            _ = runtime.Store; // open now, so a bad folder is reported before the first question
            var bot = new ChatBot(new DeliverabilityQueries(runtime), Conversation.Intents.IntentRegistry.Discover(), SqliteConversationStateStore.InFolder(folder), new ChatBotOptions(),
                TimeProvider.System, NullLogger<ChatBot>.Instance, ChecksSettings.Create(ChecksSettings.FromEnvironment()));
            return new ChatSession(bot);
        }
        catch (StoreException ex)
        {
            error.WriteLine($"dbot: {ex.Message}");
            return null;
        }
    }
}
