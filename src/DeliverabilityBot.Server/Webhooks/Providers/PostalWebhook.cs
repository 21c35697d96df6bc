using System.Security.Cryptography;
using System.Text.Json;
using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Postal's webhooks (lib/postal/signer.rb, webhook_delivery_service.rb): <c>X-Postal-Signature-256</c> is a base64
/// RSA-SHA256 (PKCS#1 v1.5) signature over the raw body with the instance's signing key (the legacy SHA-1
/// <c>X-Postal-Signature</c> only when <see cref="PostalWebhookOptions.AllowLegacySignature"/>). The body's own
/// <c>timestamp</c> is signed with it and must be within <see cref="PostalWebhookOptions.Tolerance"/>; the event's
/// <c>uuid</c>, stable across Postal's retries, taken twice is a replay.
/// </summary>
public sealed class PostalWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "Postal";

    private readonly RSA _key;
    private readonly bool _legacy;
    private readonly TimeSpan _tolerance;

    /// <summary>Checks the options; a wrong one is a startup error naming it.</summary>
    public PostalWebhook(PostalWebhookOptions options)
    {
        _tolerance = WebhookChecks.Tolerance(options.Tolerance, Section);
        _legacy = options.AllowLegacySignature;
        if (string.IsNullOrWhiteSpace(options.PublicKey)) throw WebhookSettings.Wrong(Section, "PublicKey", "is missing: set the Postal instance's signing public key (PEM or base64)");
        _key = RSA.Create();
        try
        {
            if (options.PublicKey.Contains("-----BEGIN", StringComparison.Ordinal)) _key.ImportFromPem(options.PublicKey);
            else
            {
                var der = Convert.FromBase64String(options.PublicKey.Trim());
                try { _key.ImportSubjectPublicKeyInfo(der, out _); }
                catch (CryptographicException) { _key.ImportRSAPublicKey(der, out _); }
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            throw WebhookSettings.Wrong(Section, "PublicKey", $"is not an RSA public key (PEM, or base64 DER): {ex.Message}");
        }
    }

    /// <inheritdoc />
    public string Name => PostalEvents.Provider;

    /// <inheritdoc />
    public Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken) => Task.FromResult(Check(request));

    private WebhookVerdict Check(WebhookRequest request)
    {
        var (header, hash) = request.Header("X-Postal-Signature-256") is { Length: > 0 } s256 ? (s256, HashAlgorithmName.SHA256)
            : _legacy && request.Header("X-Postal-Signature") is { Length: > 0 } s1 ? (s1, HashAlgorithmName.SHA1)
            : (null, default);
        if (header is null) return WebhookVerdict.Refuse(401, _legacy ? "signature header missing" : "X-Postal-Signature-256 missing (legacy SHA-1 signatures are off)");
        byte[] signature;
        try { signature = Convert.FromBase64String(header); }
        catch (FormatException) { return WebhookVerdict.Refuse(401, "signature is not base64"); }
        if (!_key.VerifyData(request.Body, signature, hash, RSASignaturePadding.Pkcs1)) return WebhookVerdict.Refuse(401, "signature does not match");
        try
        {
            using var doc = JsonDocument.Parse(request.Body);
            var root = doc.RootElement;
            var ts = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number ? WebhookChecks.UnixSeconds(t.GetRawText()) : null;
            if (ts is null) return WebhookVerdict.Refuse(400, "no timestamp in the signed body");
            if (!WebhookChecks.IsFresh(ts.Value, request.Now, _tolerance)) return WebhookVerdict.Refuse(401, $"stale timestamp {ts:O}");
            var uuid = root.TryGetProperty("uuid", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            return WebhookVerdict.Accept(PostalEvents.Read(request.Body), uuid is { Length: > 0 } ? "postal:uuid:" + uuid : null);
        }
        catch (Exception ex) when (ex is JsonException or EspPayloadException)
        {
            return WebhookVerdict.Refuse(400, ex.Message);
        }
    }
}
