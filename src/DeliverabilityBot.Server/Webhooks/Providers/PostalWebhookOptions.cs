namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>Postal's webhooks (<c>Webhooks:Postal</c>).</summary>
public sealed class PostalWebhookOptions
{
    /// <summary>
    /// The Postal instance's signing public key: PEM (<c>-----BEGIN PUBLIC KEY-----</c>), or base64 DER as Postal shows it
    /// (the <c>p=</c> value of its DNS record); the key of <c>https://&lt;postal-host&gt;/.well-known/jwks.json</c>.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Accept the legacy <c>X-Postal-Signature</c> (RSA-SHA1) when no <c>X-Postal-Signature-256</c> is sent (older Postal versions); off by default.</summary>
    public bool AllowLegacySignature { get; set; }

    /// <summary>How old the signed event's <c>timestamp</c> may be: Postal retries over about 36 minutes.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromHours(1);
}
