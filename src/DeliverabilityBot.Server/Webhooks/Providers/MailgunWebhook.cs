using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Mailgun's v3 JSON webhooks (Securing Webhooks): <c>signature.signature</c> is the hex HMAC-SHA256 of
/// <c>timestamp + token</c> with the webhook signing key. The body itself is not signed, so a captured signature could
/// be attached to another body: each token is taken once (a reuse is a replay, answered 406, which Mailgun documents as
/// "do not retry"), and a timestamp older than <see cref="MailgunWebhookOptions.Tolerance"/> is refused.
/// </summary>
public sealed class MailgunWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "Mailgun";

    private readonly byte[] _key;
    private readonly TimeSpan _tolerance;

    /// <summary>Checks the options; a wrong one is a startup error naming it.</summary>
    public MailgunWebhook(MailgunWebhookOptions options)
    {
        _tolerance = WebhookChecks.Tolerance(options.Tolerance, Section);
        if (string.IsNullOrWhiteSpace(options.SigningKey)) throw WebhookSettings.Wrong(Section, "SigningKey", "is missing: set the HTTP webhook signing key");
        _key = Encoding.UTF8.GetBytes(options.SigningKey.Trim());
    }

    /// <inheritdoc />
    public string Name => MailgunEvents.Provider;

    /// <inheritdoc />
    public int ReplayStatus => StatusCodes.Status406NotAcceptable;

    /// <inheritdoc />
    public Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken) => Task.FromResult(Check(request));

    private WebhookVerdict Check(WebhookRequest request)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body, new JsonDocumentOptions { MaxDepth = 32 }); }
        catch (JsonException) { return WebhookVerdict.Refuse(400, "body is not JSON (legacy form-encoded webhooks are not supported)"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("signature", out var s) || s.ValueKind != JsonValueKind.Object)
                return WebhookVerdict.Refuse(401, "no signature object");
            var timestamp = Text(s, "timestamp");
            var token = Text(s, "token");
            var signature = Text(s, "signature");
            if (timestamp is null || token is null || signature is null) return WebhookVerdict.Refuse(401, "signature incomplete");
            if (WebhookChecks.UnixSeconds(timestamp) is not { } signedAt) return WebhookVerdict.Refuse(401, "timestamp is not unix seconds");
            if (!WebhookChecks.IsFresh(signedAt, request.Now, _tolerance)) return WebhookVerdict.Refuse(401, $"stale timestamp {signedAt:O}");
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(timestamp + token)));
            if (!WebhookChecks.SameText(signature.ToLowerInvariant(), expected)) return WebhookVerdict.Refuse(401, "signature does not match");
            try
            {
                return WebhookVerdict.Accept(MailgunEvents.Read(root), "mailgun:token:" + token);
            }
            catch (EspPayloadException ex)
            {
                return WebhookVerdict.Refuse(400, ex.Message);
            }
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null } : null;
}
