using System.Text.Json.Nodes;

namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// <c>/deliverability why icloud | explain &lt;text&gt; | help</c>: answers <c>help</c> and mistakes at
/// once (ephemeral), acknowledges the rest ephemerally and posts the answer to the response_url later.
/// </summary>
public sealed class SlackCommandHandler(SlackDispatcher dispatcher, SlackAccessPolicy access)
{
    /// <summary>The usage text.</summary>
    public const string Usage =
        "*Usage*\n• `/deliverability why icloud`: why is a receiver deferring or rejecting our mail?\n"
        + "• `/deliverability explain <bounce text>`: what one bounce means and what to do\n"
        + "• `/deliverability help`: this text\nYou can also mention the bot in a channel or send it a direct message.";

    /// <summary>Handles one command; returns the immediate (acknowledgement) response body.</summary>
    public JsonObject Handle(IReadOnlyDictionary<string, string> fields)
    {
        var team = fields.GetValueOrDefault("team_id") ?? "unknown";
        var channel = fields.GetValueOrDefault("channel_id");
        var direct = SlackAccessPolicy.IsDirectChannel(channel) || fields.GetValueOrDefault("channel_name") == "directmessage";
        var shared = string.Equals(fields.GetValueOrDefault("is_ext_shared_channel"), "true", StringComparison.OrdinalIgnoreCase);
        if (access.Decide(team, fields.GetValueOrDefault("user_team"), channel, shared, direct) != SlackAccessPolicy.Verdict.Allowed)
        {
            return Ephemeral(ChannelAccess.NotEnabledHere);
        }

        var text = (fields.GetValueOrDefault("text") ?? string.Empty).Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var verb = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        string question;
        switch (verb)
        {
            case "" or "help":
                return Ephemeral(Usage);
            case "why":
                question = rest.Length == 0
                    ? "why is our mail being deferred or rejected?"
                    : $"why is {rest} deferring or rejecting our mail?";
                break;
            case "explain" when rest.Length > 0:
                question = "explain " + rest;
                break;
            case "explain":
                return Ephemeral("`explain` needs the bounce text to explain, e.g. `/deliverability explain 554 5.7.1 [CS01] Message rejected`.\n\n" + Usage);
            default:
                return Ephemeral($"I don't know `{Conversation.Rendering.SlackMrkdwn.Fit(verb, 40)}`.\n\n" + Usage);
        }

        var responseUrl = fields.GetValueOrDefault("response_url");
        var user = fields.GetValueOrDefault("user_id");
        if (string.IsNullOrEmpty(responseUrl) || string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(user))
        {
            return Ephemeral("Slack sent this command without response_url, channel_id or user_id; please try again.");
        }

        var turn = new SlackTurn(team, channel, null, user, question, responseUrl, Direct: direct);
        var triggerKey = fields.GetValueOrDefault("trigger_id") is { Length: > 0 } trigger ? "trigger:" + trigger : null;
        return dispatcher.Dispatch(turn, triggerKey) switch
        {
            SlackDispatcher.Outcome.Busy => Ephemeral("I'm busy with other questions right now; please try again in a minute."),
            _ => Ephemeral("Looking into it…"),
        };
    }

    private static JsonObject Ephemeral(string text) => new() { ["response_type"] = "ephemeral", ["text"] = text };
}
