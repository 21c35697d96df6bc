using System.Security.Cryptography;
using System.Text;
using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// SendGrid's Signed Event Webhook: <c>X-Twilio-Email-Event-Webhook-Signature</c> is a base64 ASN.1 DER ECDSA signature
/// (SHA-256) over the UTF-8 bytes of the <c>X-Twilio-Email-Event-Webhook-Timestamp</c> value followed by the raw body,
/// checked with the account's verification key (base64 DER SubjectPublicKeyInfo, as
/// <c>GET /v3/user/webhooks/event/settings/signed</c> returns it). SendGrid documents no replay window: a timestamp older
/// than <see cref="SendGridWebhookOptions.Tolerance"/> is refused, and a signature already taken is a replay.
/// </summary>
public sealed class SendGridWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "SendGrid";

    private const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    private const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";
    private readonly ECDsa _key;
    private readonly TimeSpan _tolerance;

    /// <summary>Checks the options; a wrong one is a startup error naming it.</summary>
    public SendGridWebhook(SendGridWebhookOptions options)
    {
        _tolerance = WebhookChecks.Tolerance(options.Tolerance, Section);
        if (string.IsNullOrWhiteSpace(options.PublicKey)) throw WebhookSettings.Wrong(Section, "PublicKey", "is missing: set the verification key of the Signed Event Webhook (base64)");
        try
        {
            _key = ECDsa.Create();
            _key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(Pem(options.PublicKey)), out _);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw WebhookSettings.Wrong(Section, "PublicKey", $"is not an ECDSA public key in base64 DER (SubjectPublicKeyInfo): {ex.Message}");
        }
    }

    /// <inheritdoc />
    public string Name => SendGridEvents.Provider;

    /// <inheritdoc />
    public Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken) => Task.FromResult(Check(request));

    private WebhookVerdict Check(WebhookRequest request)
    {
        var signature = request.Header(SignatureHeader);
        var timestamp = request.Header(TimestampHeader);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp)) return WebhookVerdict.Refuse(401, "signature or timestamp header missing");
        if (WebhookChecks.UnixSeconds(timestamp) is not { } signedAt) return WebhookVerdict.Refuse(401, "timestamp is not unix seconds");
        if (!WebhookChecks.IsFresh(signedAt, request.Now, _tolerance)) return WebhookVerdict.Refuse(401, $"stale timestamp {signedAt:O}");
        byte[] sig;
        try { sig = Convert.FromBase64String(signature); }
        catch (FormatException) { return WebhookVerdict.Refuse(401, "signature is not base64"); }
        var prefix = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[prefix.Length + request.Body.Length];
        prefix.CopyTo(signed, 0);
        request.Body.CopyTo(signed, prefix.Length);
        if (!_key.VerifyData(signed, sig, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)) return WebhookVerdict.Refuse(401, "signature does not match");
        try
        {
            return WebhookVerdict.Accept(SendGridEvents.Read(request.Body), "sendgrid:sig:" + WebhookChecks.Digest(signature));
        }
        catch (EspPayloadException ex)
        {
            return WebhookVerdict.Refuse(400, ex.Message);
        }
    }

    // The key as the UI shows it (base64), or with PEM armour around it.
    private static string Pem(string key) => string.Concat(key.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
}
