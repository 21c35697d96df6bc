namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Brevo's webhooks (<c>Webhooks:Brevo</c>): Basic credentials (in the webhook URL), a bearer token (the webhook's
/// <c>auth</c> object), and/or Brevo's networks; at least one. Every one configured must hold.
/// </summary>
public sealed class BrevoWebhookOptions
{
    /// <summary>The user name written into the webhook URL (<c>https://user:password@host/api/events/brevo</c>).</summary>
    public string? Username { get; set; }

    /// <summary>The password written into the webhook URL.</summary>
    public string? Password { get; set; }

    /// <summary>The token of the webhook's <c>auth</c> object, sent as <c>Authorization: Bearer</c>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Networks webhook requests must come from; Brevo publishes 1.179.112.0/20 and 172.246.240.0/20 (help centre, IP ranges).</summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
