using System.Text.Json;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Block actions: "Show evidence" asks the conversation core for the evidence behind the answer the
/// button sits on, and posts it in that answer's thread. An incident's Acknowledge and Mute buttons go to
/// <see cref="Alerts.AlertActions"/>.
/// </summary>
public sealed class SlackInteractionHandler(SlackDispatcher dispatcher, SlackAccessPolicy access, IServiceProvider services, ILogger<SlackInteractionHandler> logger)
{
    /// <summary>Handles one interaction payload (already verified).</summary>
    public SlackDispatcher.Outcome? Handle(JsonElement payload)
    {
        if (payload.Str("type") != "block_actions")
        {
            return null;
        }

        var channel = payload.Obj("channel").Str("id") ?? payload.Obj("container").Str("channel_id");
        var user = payload.Obj("user").Str("id");
        var incidentAction = payload.Arr("actions").FirstOrDefault(item => item.Str("action_id") is Alerts.SlackAlertChannel.AcknowledgeActionId or Alerts.SlackAlertChannel.MuteActionId);
        if (incidentAction.ValueKind == JsonValueKind.Object)
        {
            HandleIncidentAction(payload, incidentAction, channel, user);
            return null;
        }

        var action = payload.Arr("actions").FirstOrDefault(item => item.Str("action_id") == SlackBlockKitRenderer.ShowEvidenceActionId);
        var message = payload.Obj("message");
        if (action.ValueKind != JsonValueKind.Object || channel is null || user is null || message.Str("ts") is not { } messageTs)
        {
            logger.LogInformation("Ignored Slack interaction without a known action or message");
            return null;
        }

        var threadTs = message.Str("thread_ts");
        var team = payload.Obj("team").Str("id") ?? payload.Obj("user").Str("team_id") ?? "unknown";
        var direct = SlackAccessPolicy.IsDirectChannel(channel);
        var shared = payload.TryGetProperty("is_ext_shared_channel", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (access.Decide(team, payload.Obj("user").Str("team_id"), channel, shared, direct) != SlackAccessPolicy.Verdict.Allowed)
        {
            return null;
        }

        // Same conversation key the answer came from: the thread it was posted in, or the channel top level.
        var turn = new SlackTurn(team, channel, threadTs ?? messageTs, user, "show evidence", Direct: direct);
        return dispatcher.Dispatch(turn, $"action:{team}|{channel}|{messageTs}|{user}|{action.Str("action_ts")}");
    }

    private void HandleIncidentAction(JsonElement payload, JsonElement action, string? channel, string? user)
    {
        var team = payload.Obj("team").Str("id") ?? payload.Obj("user").Str("team_id") ?? "unknown";
        var shared = payload.TryGetProperty("is_ext_shared_channel", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (channel is null || user is null || services.GetService<Alerts.AlertActions>() is not { } actions
            || access.Decide(team, payload.Obj("user").Str("team_id"), channel, shared, SlackAccessPolicy.IsDirectChannel(channel)) != SlackAccessPolicy.Verdict.Allowed)
        {
            logger.LogInformation("Ignored Slack incident action (alerts off, or not allowed here)");
            return;
        }

        var verb = action.Str("action_id") == Alerts.SlackAlertChannel.AcknowledgeActionId ? "ack" : "mute";
        if (!long.TryParse(action.Str("value"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || !actions.Apply(id, verb, user))
        {
            logger.LogWarning("Slack incident action {Action} names no known incident ({Value})", verb, action.Str("value"));
        }
    }
}
