using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// Stores what the webhook receiver spooled (<see cref="WebhookEventSource"/>), for the server's lifetime, through the same pipeline as <c>dbot ingest</c>
/// (classification, identity, messages, the store) with the registered <see cref="IIngestBatchObserver"/>s told of each
/// commit (the alert detector). Keys older than <see cref="WebhookOptions.KeyLifetime"/> are pruned hourly. A failure
/// is logged and the writer starts again after <see cref="WebhookOptions.RestartAfter"/>; what waits in the spool stays.
/// </summary>
internal sealed class WebhookIngestService(
    DeliverabilityBotRuntime runtime,
    WebhookSpoolWriter spool,
    IOptions<WebhookOptions> options,
    IEnumerable<IIngestBatchObserver> observers,
    TimeProvider time,
    ILogger<WebhookIngestService> log) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await Task.Yield();
        using var pruning = PruneAsync(settings.KeyLifetime, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var summary = new IngestSummary();
            try
            {
                var ingest = runtime.CreateIngest();
                ingest.Observers = [.. observers];
                ingest.Waiting = message => log.LogInformation("Webhook writer waits: {Message}", message);
                var source = new WebhookEventSource(spool, settings, time);
                await ingest.CreatePipeline(settings.ReleaseWriterAfter).RunAsync(source, summary, cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Webhook writer failed after {Events} events; starting again in {Delay}", summary.EventsRead, settings.RestartAfter);
                try { await Task.Delay(settings.RestartAfter, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
            finally
            {
                foreach (var p in summary.Problems) log.LogWarning("Webhook writer: {Problem}", p);
            }
        }
    }

    private Task PruneAsync(TimeSpan lifetime, CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = spool.Spool.Prune(time.GetUtcNow() - lifetime);
                if (pruned > 0) log.LogInformation("Webhook keys older than {Lifetime} pruned: {Count}", lifetime, pruned);
                await Task.Delay(PruneEvery, time, stoppingToken);
            }
            catch (OperationCanceledException) { break; }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Webhook key pruning failed; trying again in {Delay}", PruneEvery);
                try { await Task.Delay(PruneEvery, time, stoppingToken); } catch (OperationCanceledException) { break; }
            }
        }
    }, stoppingToken);
}
