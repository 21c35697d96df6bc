using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DeliverabilityBot.Server.Channels.Slack;

namespace DeliverabilityBot.LoadTest;

/// <summary>Signed Events API deliveries, shaped like Slack's (event_callback around app_mention or message.im).</summary>
public static class SlackEvents
{
    /// <summary>The workspace.</summary>
    public const string Team = "T0LOAD001";

    /// <summary>The bot's user id (in <c>authorizations</c>, as Slack sends it).</summary>
    public const string BotUserId = "U0LOADBOT";

    /// <summary>One event: its JSON body and the reply target (channel|thread) its answer must be posted to.</summary>
    public sealed record Delivery(string EventId, string Body, string Target);

    /// <summary>
    /// Event number <paramref name="n"/> of client <paramref name="client"/>: a channel mention (answered in the thread
    /// of its own ts) or a direct message (answered at the top level of its own DM channel), each with a unique target.
    /// </summary>
    public static Delivery Create(int client, long n, string text, bool direct)
    {
        var ts = $"1764300000.{n:D6}";
        var channel = direct ? $"D0L{client:D3}{n:D8}" : $"C0LOAD{client:D3}";
        JsonObject evt = direct
            ? new() { ["type"] = "message", ["channel_type"] = "im", ["user"] = $"U0USER{client:D3}", ["text"] = text, ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts }
            : new() { ["type"] = "app_mention", ["user"] = $"U0USER{client:D3}", ["text"] = $"<@{BotUserId}> {text}", ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts };
        var eventId = $"Ev0LOAD{client:D3}{n:D8}";
        var body = new JsonObject
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = Team,
            ["api_app_id"] = "A0LOAD001",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1764300000 + n,
            ["event"] = evt,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = Team, ["user_id"] = BotUserId, ["is_bot"] = true }),
        }.ToJsonString();
        return new Delivery(eventId, body, FakeSlackApi.Target(channel, direct ? null : ts));
    }

    /// <summary>The signed POST for a delivery; Slack signs each attempt anew and numbers retries.</summary>
    public static HttpRequestMessage Request(Delivery delivery, int? retryNum)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(delivery.Body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + SlackSignatureVerifier.Sign(LoadServer.SigningSecret, timestamp, bytes));
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }
}
