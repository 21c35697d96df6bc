using System.Text.Json;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Block actions: "Show evidence" asks the conversation core for the evidence behind the answer the
/// button sits on, and posts it in that answer's thread.
/// </summary>
public sealed class SlackInteractionHandler(SlackDispatcher dispatcher, SlackAccessPolicy access, ILogger<SlackInteractionHandler> logger)
{
    /// <summary>Handles one interaction payload (already verified).</summary>
    public SlackDispatcher.Outcome? Handle(JsonElement payload)
    {
        if (payload.Str("type") != "block_actions")
        {
            return null;
        }

        var action = payload.Arr("actions").FirstOrDefault(item => item.Str("action_id") == SlackBlockKitRenderer.ShowEvidenceActionId);
        var channel = payload.Obj("channel").Str("id") ?? payload.Obj("container").Str("channel_id");
        var user = payload.Obj("user").Str("id");
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
}
