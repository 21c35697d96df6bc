using System.Net;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels;

/// <summary>
/// Retries throttled (429, 412) and failed (5xx) outbound chat calls: honours Retry-After, otherwise
/// exponential back-off with full jitter. Request bodies are buffered content, so re-sending is safe.
/// </summary>
public sealed class OutboundRetryHandler(IOptions<OutboundRetryOptions> options, TimeProvider time, ILogger<OutboundRetryHandler> logger)
    : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (attempt >= settings.MaxAttempts || !IsRetryable(response.StatusCode))
            {
                return response;
            }

            var delay = DelayFor(response, attempt, settings);
            if (delay is null)
            {
                return response;
            }

            logger.LogWarning(
                "{Method} {Host} answered {Status}; retry {Attempt} of {Max} in {Delay} ms",
                request.Method, request.RequestUri?.Host, (int)response.StatusCode, attempt, settings.MaxAttempts - 1, (int)delay.Value.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay.Value, time, cancellationToken);
        }
    }

    /// <summary>429, 412 and every 5xx except 501 (not implemented never gets better).</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private static TimeSpan? DelayFor(HttpResponseMessage response, int attempt, OutboundRetryOptions settings)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? asked = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (asked is { } wait)
        {
            if (wait > settings.MaxRetryAfter)
            {
                return null;
            }

            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        var ceiling = Math.Min(settings.MaxDelay.TotalMilliseconds, settings.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
