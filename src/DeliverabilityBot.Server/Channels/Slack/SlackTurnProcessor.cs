using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>The background half of a Slack turn: ask the conversation core, render Block Kit, post.</summary>
public sealed class SlackTurnProcessor(IServiceProvider services, SlackWebApiClient api, Chat.AnswerPrivacy privacy)
{
    /// <summary>Answers one turn in its channel and thread (or to its response_url).</summary>
    public async Task ProcessAsync(SlackTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Notice is not null)
        {
            await api.PostMessageAsync(turn.Channel, turn.ReplyThreadTs, Notice(turn.Notice), cancellationToken);
            return;
        }

        var bot = services.GetRequiredService<IChatBot>();
        var reply = await bot.AnswerAsync(
            new ChatTurn("slack", $"{turn.Team}:{turn.Channel}", turn.ReplyThreadTs, turn.User, turn.Text.Length == 0 ? "help" : turn.Text),
            cancellationToken);
        var message = SlackBlockKitRenderer.Render(privacy.Apply(reply.Answer, turn.Direct));
        if (turn.ResponseUrl is not null)
        {
            await api.PostToResponseUrlAsync(turn.ResponseUrl, message, "in_channel", cancellationToken);
        }
        else
        {
            await api.PostMessageAsync(turn.Channel, turn.ReplyThreadTs, message, cancellationToken);
        }
    }

    private static SlackMessage Notice(string text) =>
        new(text, [new System.Text.Json.Nodes.JsonObject { ["type"] = "section", ["text"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "mrkdwn", ["text"] = text } }]);
}
