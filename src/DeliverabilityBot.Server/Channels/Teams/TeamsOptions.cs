namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Teams (Bot Framework) settings, bound from the <c>Teams</c> section (<c>Teams__AppId</c>, ...).
/// The channel is on when an app id is set, or when <see cref="LocalMode"/> is on for local testing.
/// </summary>
public sealed class TeamsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Teams";

    /// <summary>The Microsoft App ID of the Azure Bot (the audience of inbound tokens).</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret. Never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant that owns the app; required for <c>SingleTenant</c>.</summary>
    public string? TenantId { get; set; }

    /// <summary><c>SingleTenant</c> (default; Azure creates no new multi-tenant bots) or <c>MultiTenant</c> (legacy).</summary>
    public string AppType { get; set; } = "SingleTenant";

    /// <summary>Bot Framework OpenID metadata (issuer keys with channel endorsements).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of channel tokens.</summary>
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>Base URL of the Entra token endpoint; the tenant and <c>/oauth2/v2.0/token</c> are appended.</summary>
    public string TokenEndpointBaseUrl { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The scope of the outbound client-credentials token.</summary>
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Runs without credentials for the Bot Framework Emulator or Agents Playground: only loopback
    /// requests are accepted and replies carry no token. Not allowed together with an app id.
    /// </summary>
    public bool LocalMode { get; set; }

    /// <summary>
    /// Entra tenant ids whose users may ask (<c>Teams__AllowedTenants__0=...</c>); <c>*</c> for any. The app's own
    /// <see cref="TenantId"/> is always allowed, so a single-tenant bot needs nothing here.
    /// </summary>
    public List<string>? AllowedTenants { get; set; }

    /// <summary>
    /// Teams channel or group chat ids (the conversation id before <c>;messageid=</c>, <c>19:...@thread.tacv2</c>) where
    /// the bot answers; empty for all. Personal chats with the bot are always answered.
    /// </summary>
    public List<string>? AllowedChannels { get; set; }

    /// <summary>
    /// Hosts the bot's token may be sent to (an activity's serviceUrl must be on one): exact names or <c>*.suffix</c>.
    /// Defaults to the documented public Bot Framework service hosts; set it for sovereign clouds.
    /// </summary>
    public List<string>? ServiceUrlHosts { get; set; }

    /// <summary>The documented public-cloud service hosts: Teams (global and GCC) and the Bot Framework's own channels.</summary>
    public static readonly IReadOnlyList<string> DefaultServiceUrlHosts = ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "*.botframework.com"];

    /// <summary>The service hosts in effect.</summary>
    public IReadOnlyList<string> EffectiveServiceUrlHosts => ServiceUrlHosts is { Count: > 0 } hosts ? hosts : DefaultServiceUrlHosts;

    /// <summary>The tenants in effect: <see cref="AllowedTenants"/> and the app's own tenant.</summary>
    public IReadOnlyList<string> EffectiveTenants =>
        [.. AllowedTenants ?? [], .. string.IsNullOrWhiteSpace(TenantId) ? Array.Empty<string>() : [TenantId]];

    /// <summary>True when <see cref="AppId"/> is set: inbound tokens are required and validated.</summary>
    public bool IsAuthenticated => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The tenant segment of the token endpoint.</summary>
    public string Authority =>
        string.Equals(AppType, "MultiTenant", StringComparison.OrdinalIgnoreCase) ? "botframework.com" : TenantId!;
}
