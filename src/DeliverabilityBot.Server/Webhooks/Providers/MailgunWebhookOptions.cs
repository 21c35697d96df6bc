namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>Mailgun's webhooks (<c>Webhooks:Mailgun</c>).</summary>
public sealed class MailgunWebhookOptions
{
    /// <summary>The HTTP webhook signing key (Control Panel, Webhooks; not the API key).</summary>
    public string? SigningKey { get; set; }

    /// <summary>How far the signed timestamp may be from the server's clock.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}
