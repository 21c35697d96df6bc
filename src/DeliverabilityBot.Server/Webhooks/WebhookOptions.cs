namespace DeliverabilityBot.Server.Webhooks;

/// <summary>Settings every webhook shares (configuration section <c>Webhooks</c>); each provider has its own sub-section.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Webhooks";

    /// <summary>Largest body accepted (413 above): SendGrid batches reach 768 KB, Mandrill and SparkPost up to 1,000 events.</summary>
    public int MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Events acknowledged but not yet stored, at most: past it a request answers 503 so the provider retries later
    /// (the history store is down or far behind; the spool's disk is not filled without bound).</summary>
    public long SpoolCapacity { get; set; } = 1_000_000;

    /// <summary>How long the webhook writer holds spooled events it claimed: past it (the instance died before storing them)
    /// another instance, or this one after a restart, claims them again.</summary>
    public TimeSpan SpoolLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the webhook writer looks for spooled events it was not woken for (another instance's, or a lease run out).</summary>
    public TimeSpan SpoolPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long event ids and replay keys are kept: longer than any provider's retries (SendGrid: 24 h).</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The store's writer lock is let go after this long without webhook events, so a <c>dbot ingest</c> gets its turn.</summary>
    public TimeSpan ReleaseWriterAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After a failure (the store unavailable), how long before the webhook writer starts again.</summary>
    public TimeSpan RestartAfter { get; set; } = TimeSpan.FromSeconds(10);
}
