namespace DeliverabilityBot.Server.Webhooks;

/// <summary>Helpers for naming a wrong webhook setting at startup.</summary>
internal static class WebhookSettings
{
    /// <summary>The configuration key of a provider's setting: <c>Webhooks:SendGrid:PublicKey</c>.</summary>
    public static string Key(string section, string setting) => $"{WebhookOptions.Section}:{section}:{setting}";

    /// <summary>A startup refusal naming the setting and what to put there.</summary>
    public static Access.ServerStartupException Wrong(string section, string setting, string why) =>
        new($"{Key(section, setting)} {why} (environment variable {WebhookOptions.Section}__{section}__{setting}; see the README, Deployment: ESP webhooks).");
}
