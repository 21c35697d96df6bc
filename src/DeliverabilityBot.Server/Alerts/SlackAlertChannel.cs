using System.Text.Json.Nodes;
using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Conversation.Rendering;
using DeliverabilityBot.Core.Alerts;
using DeliverabilityBot.Server.Channels.Slack;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>
/// Incidents in Slack: chat.postMessage for the headline (Block Kit: headline, details, Acknowledge and Mute buttons),
/// chat.update to edit it, replies with <c>thread_ts</c> = the headline's ts.
/// </summary>
public sealed class SlackAlertChannel(SlackWebApiClient slack) : IAlertChannel
{
    /// <summary>The Acknowledge button's action id (value: the incident id).</summary>
    public const string AcknowledgeActionId = "dbot_incident_ack";

    /// <summary>The Mute button's action id (value: the incident id).</summary>
    public const string MuteActionId = "dbot_incident_mute";

    /// <inheritdoc />
    public string Name => "slack";

    /// <inheritdoc />
    public async Task<IncidentPost> PostAsync(string target, Incident incident, CancellationToken cancellationToken)
    {
        var ts = await slack.PostMessageAsync(target, null, Render(incident), cancellationToken)
                 ?? throw new SlackApiException("chat.postMessage", "no ts in the response");
        return new IncidentPost { IncidentId = incident.Id, Channel = Name, Target = target, MessageId = ts, ThreadId = ts };
    }

    /// <inheritdoc />
    public Task EditAsync(IncidentPost post, Incident incident, CancellationToken cancellationToken) =>
        slack.UpdateMessageAsync(post.Target, post.MessageId!, Render(incident), cancellationToken);

    /// <inheritdoc />
    public Task ReplyAsync(IncidentPost post, string text, CancellationToken cancellationToken) =>
        slack.PostMessageAsync(post.Target, post.ThreadId, new SlackMessage(text, [Section(SlackMrkdwn.Escape(text))]), cancellationToken);

    /// <summary>The headline message.</summary>
    public static SlackMessage Render(Incident incident)
    {
        var headline = IncidentText.Headline(incident);
        var blocks = new JsonArray
        {
            Section($"*{SlackMrkdwn.Escape(headline)}*"),
            Section(SlackMrkdwn.Escape(string.Join("\n", IncidentText.Details(incident)))),
        };
        if (incident.Acknowledged is { } ack) blocks.Add(Section($"Acknowledged by <@{SlackMrkdwn.Escape(ack.By)}>"));
        if (incident.State == IncidentState.Open)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray { Button("Acknowledge", AcknowledgeActionId, incident.Id), Button("Mute 4h", MuteActionId, incident.Id) },
            });
        }
        return new SlackMessage(headline, blocks);
    }

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn.Length > 2900 ? mrkdwn[..2900] + "..." : mrkdwn },
    };

    private static JsonObject Button(string label, string actionId, long incidentId) => new()
    {
        ["type"] = "button",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["action_id"] = actionId,
        ["value"] = incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
