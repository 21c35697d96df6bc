using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DeliverabilityBot.Server.Channels.Slack;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>Signed Slack requests and payloads shaped like the Events API, slash commands and interactivity.</summary>
public static class SlackRequests
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotToken = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    public const string ApiBase = "https://slack.test/api/";
    public const string BotUserId = "U0BOT0001";
    public const string Team = "T0TEAM001";

    /// <summary>Settings for HTTP mode against the fake Web API.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:ApiBaseUrl"] = ApiBase,
        ["Slack:AllowedTeams:0"] = Team,
    };

    /// <summary>Now as a Slack timestamp header.</summary>
    public static string Now(int offsetSeconds = 0) =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

    /// <summary>A request signed like Slack signs it (the signature can be overridden).</summary>
    public static HttpRequestMessage Signed(
        string path,
        string body,
        string contentType = "application/json",
        string? timestamp = null,
        string? signature = null,
        string secret = SigningSecret,
        int? retryNum = null)
    {
        timestamp ??= Now();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature ?? "v0=" + SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    /// <summary>An event_callback envelope around <paramref name="evt"/>.</summary>
    public static string Envelope(string eventId, JsonObject evt) => new JsonObject
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = Team,
        ["api_app_id"] = "A0APP0001",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1764309600,
        ["event"] = evt,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = Team, ["user_id"] = BotUserId, ["is_bot"] = true }),
    }.ToJsonString();

    /// <summary>An app_mention in a channel.</summary>
    public static JsonObject Mention(string ts, string question, string channel = "C0CHAN001") => new()
    {
        ["type"] = "app_mention",
        ["user"] = "U0ANA0001",
        ["text"] = $"<@{BotUserId}> {question}",
        ["ts"] = ts,
        ["channel"] = channel,
        ["event_ts"] = ts,
    };

    /// <summary>A direct message to the bot.</summary>
    public static JsonObject DirectMessage(string ts, string text, string user = "U0ANA0001") => new()
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["channel"] = "D0DM00001",
    };

    /// <summary>A form-encoded body.</summary>
    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
