using System.Text.Json;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Decides what to do with an <c>event_callback</c>: answer <c>app_mention</c> and direct messages
/// (<c>message</c> with <c>channel_type: im</c>); ignore edits, deletes, bot messages (ours above all) and
/// everything else. De-duplicates on <c>event_id</c> and on (team, channel, ts): the second key catches
/// the same message delivered as two events.
/// </summary>
public sealed class SlackEventHandler(SlackDispatcher dispatcher, SlackAccessPolicy access, ILogger<SlackEventHandler> logger)
{
    /// <summary>Handles one envelope; <paramref name="retry"/> is Slack's retry number, when a retry.</summary>
    public SlackDispatcher.Outcome? Handle(JsonElement envelope, string? retry, string? retryReason)
    {
        var evt = envelope.Obj("event");
        var type = evt.Str("type");
        if (retry is not null)
        {
            logger.LogInformation("Slack retry {Retry} ({Reason}) of event {EventId}", retry, retryReason, envelope.Str("event_id"));
        }

        var botUserId = envelope.Arr("authorizations")
            .Where(authorization => authorization.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
            .Select(authorization => authorization.Str("user_id"))
            .FirstOrDefault(id => id is not null);
        var isDirect = type == "message" && evt.Str("channel_type") == "im";
        if (type != "app_mention" && !isDirect)
        {
            return null;
        }

        // Never answer a bot (ourselves above all: that is how bots loop), an edit, a delete or a join.
        var user = evt.Str("user");
        if (evt.Str("subtype") is not null || evt.Str("bot_id") is not null || user is null || user == botUserId)
        {
            return null;
        }

        var team = envelope.Str("team_id") ?? evt.Str("team") ?? "unknown";
        var channel = evt.Str("channel");
        var ts = evt.Str("ts");
        if (channel is null || ts is null)
        {
            return null;
        }

        // Threads: reply under the parent (a reply's own ts is not a thread). Top-level DMs stay unthreaded.
        var threadTs = evt.Str("thread_ts") ?? (isDirect ? null : ts);
        var eventKey = envelope.Str("event_id") is { } eventId ? "event:" + eventId : null;
        var externallyShared = envelope.TryGetProperty("is_ext_shared_channel", out var shared) && shared.ValueKind == JsonValueKind.True;
        switch (access.Decide(team, evt.Str("user_team") ?? evt.Str("team"), channel, externallyShared, isDirect))
        {
            case SlackAccessPolicy.Verdict.ForeignWorkspace:
                return null;
            case SlackAccessPolicy.Verdict.NotEnabledHere:
                var notice = new SlackTurn(team, channel, threadTs, user, string.Empty, Direct: isDirect, Notice: ChannelAccess.NotEnabledHere);
                return dispatcher.Dispatch(notice, eventKey, $"message:{team}|{channel}|{ts}");
        }

        var text = SlackText.ToPlain(evt.Str("text"), botUserId);
        if (botUserId is null && type == "app_mention")
        {
            text = StripLeadingMention(text);
        }

        var turn = new SlackTurn(team, channel, threadTs, user, text, Direct: isDirect);
        return dispatcher.Dispatch(turn, eventKey, $"message:{team}|{channel}|{ts}");
    }

    private static string StripLeadingMention(string text) =>
        text.StartsWith('@') && text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? text[(space + 1)..].Trim() : text;
}
