namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>Names of the Slack HttpClients (tests swap the primary handler for a fake Web API).</summary>
public static class SlackHttpClients
{
    /// <summary>Web API and response_url calls; has the retry handler (429 honours Retry-After).</summary>
    public const string Api = "slack-api";
}
