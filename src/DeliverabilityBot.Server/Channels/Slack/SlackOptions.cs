namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>
/// Slack settings, bound from the <c>Slack</c> section (<c>Slack__SigningSecret</c>, ...). HTTP mode
/// needs the signing secret and bot token; Socket Mode needs the app-level token and bot token.
/// </summary>
public sealed class SlackOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Slack";

    /// <summary>Verifies HTTP requests from Slack (v0 HMAC-SHA256). Never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token (<c>xoxb-</c>) for chat.postMessage. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-</c>, scope connections:write); turns Socket Mode on. Never logged.</summary>
    public string? AppToken { get; set; }

    /// <summary>Web API base URL (tests point it at a fake).</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>True when HTTP endpoints are served (a signing secret is set).</summary>
    public bool HttpMode => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>True when Socket Mode runs (an app-level token is set).</summary>
    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>The API base with a trailing slash.</summary>
    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");
}
