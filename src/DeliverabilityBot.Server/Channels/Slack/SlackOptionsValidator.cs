namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>Decides whether the Slack channel is on and refuses half-done configurations with a clear message.</summary>
public static class SlackOptionsValidator
{
    /// <summary>True when any Slack secret is present (then the configuration must be complete).</summary>
    public static bool IsConfigured(SlackOptions options) =>
        !string.IsNullOrWhiteSpace(options.SigningSecret)
        || !string.IsNullOrWhiteSpace(options.BotToken)
        || !string.IsNullOrWhiteSpace(options.AppToken);

    /// <summary>Throws <see cref="ChannelConfigurationException"/> naming what is missing or malformed (never the values).</summary>
    public static void Validate(SlackOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            problems.Add("Slack:BotToken (Slack__BotToken, xoxb-...) is missing; the bot cannot post without it");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            problems.Add("Slack:BotToken does not start with xoxb- (use the Bot User OAuth Token)");
        }

        if (!options.HttpMode && !options.SocketMode)
        {
            problems.Add("neither Slack:SigningSecret (Slack__SigningSecret, HTTP mode) nor Slack:AppToken (Slack__AppToken, Socket Mode) is set");
        }

        if (options.SocketMode && !options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            problems.Add("Slack:AppToken does not start with xapp- (use an app-level token with connections:write)");
        }

        if (options.AllowedTeams is not { Count: > 0 })
        {
            problems.Add("Slack:AllowedTeams (Slack__AllowedTeams__0=T0123...) is missing: list the workspace ids whose members may ask, or '*' for every workspace the app is installed in");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || !(api.Scheme == Uri.UriSchemeHttps || (api.Scheme == Uri.UriSchemeHttp && api.IsLoopback)))
        {
            problems.Add($"Slack:ApiBaseUrl '{options.ApiBaseUrl}' is not an https URL");
        }

        if (problems.Count > 0)
        {
            throw new ChannelConfigurationException(
                "The Slack channel configuration is incomplete: " + string.Join("; ", problems)
                + ". Complete it, or remove every Slack setting to turn the channel off.");
        }
    }
}
