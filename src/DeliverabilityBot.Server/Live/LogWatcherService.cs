using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Sources;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Live;

/// <summary>
/// Follows the configured MTA logs for the server's lifetime (<see cref="LiveIngestOptions.Follow"/>) through the same
/// pipeline as <c>dbot ingest --follow</c>: rotation handled, position saved in the store, every committed batch told to
/// the registered <see cref="IIngestBatchObserver"/>s (the incident detector). A failure is logged and the watcher
/// starts again after <see cref="LiveIngestOptions.RestartAfter"/>, resuming where the store says it stopped.
/// </summary>
internal sealed class LogWatcherService(
    DeliverabilityBotRuntime runtime,
    IOptions<LiveIngestOptions> options,
    IEnumerable<IIngestBatchObserver> observers,
    ILogger<LogWatcherService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var paths = settings.Follow.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (paths.Count == 0)
        {
            log.LogInformation("Log watcher off: no {Section}:Follow logs configured", LiveIngestOptions.Section);
            return;
        }
        // Off the host's start-up path: opening the store and loading the rules take a while.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var summary = new IngestSummary();
            try
            {
                var ingest = runtime.CreateIngest();
                ingest.Observers = [.. observers];
                ingest.Waiting = message => log.LogInformation("Log watcher waits: {Message}", message);
                var source = LiveSources.Follow(runtime, paths, new FollowOptions { PollInterval = settings.PollInterval },
                    notice: n => log.LogInformation("Log watcher: {Notice}", n));
                log.LogInformation("Log watcher following {Logs}", string.Join(", ", paths));
                await ingest.CreatePipeline(settings.ReleaseWriterAfter).RunAsync(source, summary, cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Log watcher failed after {Events} events; starting again in {Delay}", summary.EventsRead, settings.RestartAfter);
                try { await Task.Delay(settings.RestartAfter, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
            finally
            {
                foreach (var p in summary.Problems) log.LogWarning("Log watcher: {Problem}", p);
            }
        }
    }
}
