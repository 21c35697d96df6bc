namespace DeliverabilityBot.Server.Channels;

/// <summary>How outbound calls to Bot Connector and Slack retry throttling and server errors.</summary>
public sealed class OutboundRetryOptions
{
    /// <summary>Attempts in total, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off; doubled per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest back-off between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After the client waits for; a longer one ends the retries.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);
}
