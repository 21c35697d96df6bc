using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
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
        var answer = privacy.Apply(reply.Answer, turn.Direct);
        var message = SlackBlockKitRenderer.Render(answer);
        if (turn.ResponseUrl is not null)
        {
            await api.PostToResponseUrlAsync(turn.ResponseUrl, message, "in_channel", cancellationToken);
        }
        else
        {
            await api.PostMessageAsync(turn.Channel, turn.ReplyThreadTs, message, cancellationToken);
        }

        await UploadChartsAsync(turn, answer, cancellationToken);
    }

    // Each chart goes up as a PNG after the answer, into the same thread (a slash command's into its channel). A chart
    // that cannot be drawn or uploaded (no files:write scope, the bot not in the channel) is logged: the answer already
    // states its figures.
    private async Task UploadChartsAsync(SlackTurn turn, Answer answer, CancellationToken cancellationToken)
    {
        var charts = answer.BlocksOf<ChartBlock>().ToList();
        if (charts.Count == 0 || services.GetService<Charts.ChartImages>() is not { } images) return;
        var logger = services.GetRequiredService<ILogger<SlackTurnProcessor>>();
        for (var i = 0; i < charts.Count; i++)
        {
            var chart = charts[i];
            if (images.TryRender(chart, ChartImageSize.Standard) is not { } png) return;
            var name = charts.Count == 1 ? "chart.png" : $"chart-{i + 1}.png";
            try
            {
                await api.UploadFileAsync(turn.Channel, turn.ReplyThreadTs, name, chart.Title ?? "Chart", chart.AltText, png, cancellationToken);
            }
            catch (SlackApiException ex)
            {
                logger.LogWarning("Slack chart upload to {Channel} failed ({Error}); the answer's text carries the figures. files:write scope and channel membership are needed.", turn.Channel, ex.Message);
                return;
            }
        }
    }

    private static SlackMessage Notice(string text) =>
        new(text, [new System.Text.Json.Nodes.JsonObject { ["type"] = "section", ["text"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "mrkdwn", ["text"] = text } }]);
}
