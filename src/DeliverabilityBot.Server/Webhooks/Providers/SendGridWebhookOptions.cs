namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>SendGrid's Event Webhook (<c>Webhooks:SendGrid</c>).</summary>
public sealed class SendGridWebhookOptions
{
    /// <summary>The Signed Event Webhook's verification key: base64 DER (SubjectPublicKeyInfo), PEM armour allowed.</summary>
    public string? PublicKey { get; set; }

    /// <summary>How far the signed timestamp may be from the server's clock.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(10);
}
