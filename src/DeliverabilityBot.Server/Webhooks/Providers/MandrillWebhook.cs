using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DeliverabilityBot.Ingestion.Esp;
using Microsoft.AspNetCore.WebUtilities;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Mandrill's webhooks ("Authenticating Webhook Requests"): <c>X-Mandrill-Signature</c> is the base64 HMAC-SHA1, with
/// the webhook's key, of the configured URL followed by each POST parameter's name and value, sorted by name, with no
/// delimiters (for a webhook: URL + <c>mandrill_events</c> + the JSON as posted). Mandrill signs no request time: a
/// batch whose newest event is older than <see cref="MandrillWebhookOptions.Tolerance"/> is refused, and a signature
/// already taken (the same batch) is a replay. An empty <c>mandrill_events=[]</c> (the test post) is answered 200.
/// </summary>
public sealed class MandrillWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "Mandrill";

    private readonly byte[] _key;
    private readonly string _url;
    private readonly TimeSpan _tolerance;

    /// <summary>Checks the options; a wrong one is a startup error naming it.</summary>
    public MandrillWebhook(MandrillWebhookOptions options)
    {
        _tolerance = WebhookChecks.Tolerance(options.Tolerance, Section);
        if (string.IsNullOrWhiteSpace(options.WebhookKey)) throw WebhookSettings.Wrong(Section, "WebhookKey", "is missing: set the webhook's key from Mandrill's webhook settings");
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            throw WebhookSettings.Wrong(Section, "Url", "must be the webhook URL exactly as configured in Mandrill (https://host/api/events/mandrill)");
        _key = Encoding.UTF8.GetBytes(options.WebhookKey.Trim());
        _url = options.Url!;
    }

    /// <inheritdoc />
    public string Name => MandrillEvents.Provider;

    /// <inheritdoc />
    public Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken) => Task.FromResult(Check(request));

    private WebhookVerdict Check(WebhookRequest request)
    {
        var signature = request.Header("X-Mandrill-Signature");
        if (string.IsNullOrEmpty(signature)) return WebhookVerdict.Refuse(401, "X-Mandrill-Signature missing");
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body));
        var signed = new StringBuilder(_url);
        foreach (var (name, values) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
            foreach (var value in values) signed.Append(name).Append(value);
        var expected = Convert.ToBase64String(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(signed.ToString())));
        if (!WebhookChecks.SameText(signature, expected)) return WebhookVerdict.Refuse(401, "signature does not match");
        if (!form.TryGetValue("mandrill_events", out var events)) return WebhookVerdict.Refuse(400, "no mandrill_events field");
        try
        {
            var attempts = MandrillEvents.Read(events.ToString());
            if (Newest(events.ToString()) is { } newest && !WebhookChecks.IsFresh(newest, request.Now, _tolerance)) return WebhookVerdict.Refuse(401, $"stale batch: newest event {newest:O}");
            var replay = "mandrill:sig:" + WebhookChecks.Digest(signature);
            return attempts.Count == 0 ? WebhookVerdict.Answer("no delivery events", replay) : WebhookVerdict.Accept(attempts, replay);
        }
        catch (EspPayloadException ex)
        {
            return WebhookVerdict.Refuse(400, ex.Message);
        }
    }

    // The newest event's ts, over every event (opens and clicks too): what the signature vouches for is this batch's age.
    private static DateTimeOffset? Newest(string json)
    {
        using var doc = JsonDocument.Parse(json);
        DateTimeOffset? newest = null;
        foreach (var e in doc.RootElement.EnumerateArray())
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("ts", out var ts) && WebhookChecks.UnixSeconds(ts.GetRawText()) is { } t && (newest is null || t > newest)) newest = t;
        return newest;
    }
}
