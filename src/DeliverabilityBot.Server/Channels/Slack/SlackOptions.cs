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

    /// <summary>
    /// Workspace ids (<c>T...</c>) whose members may ask (<c>Slack__AllowedTeams__0=T0123</c>); <c>*</c> for any workspace
    /// the app is installed in. Required: an app that answers every workspace it reaches leaks its history.
    /// </summary>
    public List<string>? AllowedTeams { get; set; }

    /// <summary>Channel ids (<c>C...</c>) where the bot answers; empty for every channel. Direct messages are always answered.</summary>
    public List<string>? AllowedChannels { get; set; }

    /// <summary>Answers in channels shared with other organisations and to users from other workspaces (Slack Connect). Off by default.</summary>
    public bool AllowSlackConnect { get; set; }

    /// <summary>True when HTTP endpoints are served (a signing secret is set).</summary>
    public bool HttpMode => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>True when Socket Mode runs (an app-level token is set).</summary>
    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>The API base with a trailing slash.</summary>
    public Uri ApiBase => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");
}
