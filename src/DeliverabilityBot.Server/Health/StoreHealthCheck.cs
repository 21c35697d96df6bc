using DeliverabilityBot.Core.Queries;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeliverabilityBot.Server.Health;

/// <summary>Healthy when the history store answers; reports the newest event so an empty store is visible.</summary>
public sealed class StoreHealthCheck(IDeliverabilityQueries queries) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latest = await queries.LatestEventAsync(cancellationToken);
            return HealthCheckResult.Healthy(latest is { } t ? $"newest event {t:yyyy-MM-dd HH:mm} UTC" : "empty: nothing ingested yet");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the history store cannot be read (details in the server log)", ex);
        }
    }
}
