namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>Mandrill's webhooks (<c>Webhooks:Mandrill</c>).</summary>
public sealed class MandrillWebhookOptions
{
    /// <summary>The webhook's key (Settings, Webhooks: each webhook has its own).</summary>
    public string? WebhookKey { get; set; }

    /// <summary>
    /// The webhook URL exactly as configured in Mandrill (scheme, host, path, query): Mandrill signs it, and behind a
    /// proxy the URL the server sees differs (http vs https, host, trailing slash).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>How old the newest event's <c>ts</c> in a signed batch may be (Mandrill signs no request time; its retry schedule is not published).</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromHours(24);
}
