namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>Names of the Teams HttpClients (tests swap their primary handlers for fakes).</summary>
public static class TeamsHttpClients
{
    /// <summary>Bot Connector calls (replies, typing); has the retry handler.</summary>
    public const string Connector = "teams-connector";

    /// <summary>Entra token endpoint.</summary>
    public const string Login = "teams-login";

    /// <summary>OpenID metadata and signing keys.</summary>
    public const string OpenId = "teams-openid";
}
