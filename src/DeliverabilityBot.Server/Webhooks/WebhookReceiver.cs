using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// <c>POST /api/events/{provider}</c>: reads the body (up to <see cref="WebhookOptions.MaxBodyBytes"/>), lets the
/// provider check it, and spools what is new (<see cref="WebhookSpoolWriter"/>: durable, deduplicated by the request's
/// replay key and the provider's event ids, whichever instance took them) before answering; the webhook writer stores
/// the spooled events through the ingest pipeline in the background. A provider not configured answers 404; a spool
/// that cannot be written, or holds more than <see cref="WebhookOptions.SpoolCapacity"/> events, 503 with <c>Retry-After</c>.
/// </summary>
public sealed class WebhookReceiver(
    WebhookRegistry registry,
    WebhookSpoolWriter spool,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookReceiver> log)
{
    /// <summary>The dedupe key of an attempt's event: <c>provider:event id</c>.</summary>
    public static string KeyOf(string provider, Ingestion.Esp.EspAttempt attempt) => provider + ":" + attempt.EventId;

    /// <summary>Handles one request.</summary>
    public async Task<IResult> ReceiveAsync(string providerName, HttpContext context)
    {
        if (registry.Find(providerName) is not { } provider) return Results.NotFound();
        var body = await ReadAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var request = new WebhookRequest(body, context.Request.Headers, context.Request.ContentType, context.Connection.RemoteIpAddress, time.GetUtcNow());
        var verdict = await provider.CheckAsync(request, context.RequestAborted);
        if (verdict.Refused)
        {
            // The caller learns the status only: what exactly failed helps an attacker more than a provider.
            log.LogWarning("Refused {Provider} webhook from {Remote}: {Status} {Reason}", provider.Name, request.RemoteIp, verdict.Status, verdict.Reason);
            return Results.StatusCode(verdict.Status);
        }
        if (verdict.Attempts.Count == 0 && verdict.ReplayKey is null) return Results.Text(verdict.Reason, "text/plain", statusCode: verdict.Status);
        if (verdict.Attempts.Count > 0 && spool.Pending >= options.Value.SpoolCapacity)
            return Unavailable(context, provider, $"{spool.Pending} events wait in the spool ({nameof(WebhookOptions.SpoolCapacity)} {options.Value.SpoolCapacity})");

        var entries = new List<Store.Webhooks.SpoolEntry>(verdict.Attempts.Count);
        foreach (var attempt in verdict.Attempts)
            entries.Add(new(KeyOf(provider.Name, attempt), provider.Name, Ingestion.Esp.EspAttemptJson.Write(attempt)));
        Store.Webhooks.SpoolOutcome outcome;
        try
        {
            outcome = await spool.AcceptAsync(new Store.Webhooks.SpoolRequest(verdict.ReplayKey, entries));
        }
        catch (Exception ex)
        {
            return Unavailable(context, provider, $"the spool {spool.Spool.Location} cannot be written: {ex.Message}");
        }
        if (outcome.Replay) return Replay(provider, request, "request " + verdict.ReplayKey);
        if (verdict.ReplayKey is null && verdict.Attempts.Count > 0 && outcome.Spooled.Count == 0)
            return Replay(provider, request, $"all {verdict.Attempts.Count} events");
        if (verdict.Attempts.Count == 0) return Results.Text(verdict.Reason, "text/plain", statusCode: verdict.Status);
        return Results.Json(new { accepted = outcome.Spooled.Count, duplicates = verdict.Attempts.Count - outcome.Spooled.Count }, statusCode: verdict.Status);
    }

    private IResult Unavailable(HttpContext context, IWebhookProvider provider, string why)
    {
        // Nothing was taken: the provider's retry is accepted once the spool has room again.
        log.LogWarning("{Provider} webhook refused with 503: {Why}", provider.Name, why);
        context.Response.Headers.RetryAfter = "30";
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private IResult Replay(IWebhookProvider provider, WebhookRequest request, string what)
    {
        log.LogWarning("Refused {Provider} webhook from {Remote}: replay of {What} already taken", provider.Name, request.RemoteIp, what);
        return Results.Text("already received", "text/plain", statusCode: provider.ReplayStatus);
    }

    // The exact bytes (signatures cover them), or null past the limit.
    private static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 4096, 0, maxBytes));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
