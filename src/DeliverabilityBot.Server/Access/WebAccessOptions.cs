namespace DeliverabilityBot.Server.Access;

/// <summary>
/// Who may use the web chat and <c>POST /api/chat</c>, bound from the <c>Chat</c> section
/// (<c>Chat__AllowAnonymous</c>, <c>Chat__PublicHost</c>, <c>Chat__ApiKeys__ops</c>, ...).
/// </summary>
public sealed class WebAccessOptions
{
    /// <summary>The configuration section name (shared with the conversation core's settings).</summary>
    public const string Section = "Chat";

    /// <summary>
    /// Serves the web chat and <c>/api/chat</c> without sign-in even when reachable from other machines. Off by
    /// default: the answers hold recipient addresses and sending IPs.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Serves the web chat page and <c>/api/chat</c> (default). Off: only Teams, Slack and health answer.</summary>
    public bool WebChatEnabled { get; set; } = true;

    /// <summary>
    /// The host name(s) people and chat services use to reach this server (<c>bot.example.com</c>, several separated by
    /// <c>;</c>), behind a proxy or tunnel. Added to the allowed Host headers; setting it means the server is exposed.
    /// </summary>
    public string? PublicHost { get; set; }

    /// <summary>API keys for <c>/api/chat</c> by caller name (<c>Chat__ApiKeys__ci=...</c>); sent as the <c>X-Api-Key</c> header.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sign-in for the web chat page with an OpenID Connect provider (Microsoft Entra ID or any other).</summary>
    public OpenIdConnectAccessOptions OpenIdConnect { get; set; } = new();

    /// <summary>JWT bearer tokens for <c>/api/chat</c> (for example Entra ID access tokens for this app).</summary>
    public BearerAccessOptions Bearer { get; set; } = new();

    /// <summary>Requests per caller and minute to <c>/api/chat</c> when the server is exposed (default 60).</summary>
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>The public hosts, split and trimmed.</summary>
    public IReadOnlyList<string> PublicHosts =>
        (PublicHost ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when any sign-in method is configured.</summary>
    public bool HasSignIn => ApiKeys.Count > 0 || OpenIdConnect.IsConfigured || Bearer.IsConfigured;
}

/// <summary>OpenID Connect settings for the web chat page (<c>Chat__OpenIdConnect__Authority</c>, ...).</summary>
public sealed class OpenIdConnectAccessOptions
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The client (application) id registered with the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (authorization code flow). Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the provider sends the browser back (register <c>https://{PublicHost}/signin-oidc</c>).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>True when an authority is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>JWT bearer settings for the API (<c>Chat__Bearer__Authority</c>, <c>Chat__Bearer__Audience</c>).</summary>
public sealed class BearerAccessOptions
{
    /// <summary>The token issuer whose OpenID metadata holds the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must carry (this API's app id URI or client id).</summary>
    public string? Audience { get; set; }

    /// <summary>True when an authority is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
