namespace DeliverabilityBot.Server.Channels.Slack;

/// <summary>A Slack Web API call answered <c>ok: false</c> or failed after retries.</summary>
public sealed class SlackApiException(string method, string error) : Exception($"Slack {method} failed: {error}")
{
    /// <summary>Slack's error code (e.g. <c>channel_not_found</c>, <c>not_in_channel</c>).</summary>
    public string Error { get; } = error;
}
