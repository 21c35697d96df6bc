using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// <c>POST /api/events/{provider}</c>: reads the body (up to <see cref="WebhookOptions.MaxBodyBytes"/>), lets the
/// provider check it, refuses a replay, queues what is new and answers at once; the webhook writer stores it through
/// the ingest pipeline in the background. A provider not configured answers 404.
/// </summary>
public sealed class WebhookReceiver(
    WebhookRegistry registry,
    WebhookQueue queue,
    DeliverabilityBot.Application.DeliverabilityBotRuntime runtime,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookReceiver> log)
{
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
        if (verdict.ReplayKey is { } replay && (!queue.RecentKeys.TryAdd(replay) || Keys?.Contains(replay) == true))
            return Replay(provider, request, "request " + replay);

        var fresh = new List<Ingestion.Esp.EspAttempt>(verdict.Attempts.Count);
        var delivery = new WebhookDelivery(provider.Name, verdict.ReplayKey, fresh, request.Now);
        foreach (var attempt in verdict.Attempts)
            if (queue.RecentKeys.TryAdd(delivery.KeyOf(attempt))) fresh.Add(attempt);
        if (verdict.ReplayKey is null && verdict.Attempts.Count > 0 && fresh.Count == 0)
            return Replay(provider, request, $"all {verdict.Attempts.Count} events");
        if ((fresh.Count > 0 || verdict.ReplayKey is not null) && !queue.TryWrite(delivery))
        {
            // Not taken: forget the keys so the provider's retry is accepted.
            if (verdict.ReplayKey is not null) queue.RecentKeys.Forget(verdict.ReplayKey);
            foreach (var attempt in fresh) queue.RecentKeys.Forget(delivery.KeyOf(attempt));
            log.LogWarning("{Provider} webhook refused with 503: the webhook queue is full", provider.Name);
            context.Response.Headers.RetryAfter = "30";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (verdict.Attempts.Count == 0) return Results.Text(verdict.Reason, "text/plain", statusCode: verdict.Status);
        return Results.Json(new { accepted = fresh.Count, duplicates = verdict.Attempts.Count - fresh.Count }, statusCode: verdict.Status);
    }

    private Store.Webhooks.IWebhookKeyStore? Keys => runtime.Store.WebhookKeys;

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
