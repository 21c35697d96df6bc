using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Ingestion.Sources.Syslog;
using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Live;

/// <summary>
/// Runs the configured live sources for the server's lifetime, merged into one pipeline (one writer for the store):
/// followed MTA logs (<see cref="LiveIngestOptions.Follow"/>, as <c>dbot ingest --follow</c>), the syslog listener
/// (<see cref="LiveIngestOptions.Syslog"/>) and the journal (<see cref="LiveIngestOptions.Journald"/>). Positions and
/// cursors are saved in the store, every committed batch is told to the registered <see cref="IIngestBatchObserver"/>s
/// (the incident detector). A failure is logged and the sources start again after <see cref="LiveIngestOptions.RestartAfter"/>,
/// resuming where the store says they stopped.
/// </summary>
internal sealed class LogWatcherService(
    DeliverabilityBotRuntime runtime,
    IOptions<LiveIngestOptions> options,
    IEnumerable<IIngestBatchObserver> observers,
    LiveSourcesStatus status,
    ILogger<LogWatcherService> log) : BackgroundService
{

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var paths = settings.Follow.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        var syslog = settings.Syslog.ToOptions();
        if (paths.Count == 0 && syslog.Listen.Count == 0 && !settings.Journald.Enabled)
        {
            log.LogInformation("Live sources off: no {Section}:Follow logs, {Section}:Syslog:Listen addresses or {Section}:Journald:Enabled", LiveIngestOptions.Section, LiveIngestOptions.Section, LiveIngestOptions.Section);
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
                ingest.Waiting = message => log.LogInformation("Live sources wait: {Message}", message);
                void Notice(string n) => log.LogInformation("Live: {Notice}", n);
                var sources = LiveSources.Followed(runtime, paths, new FollowOptions { PollInterval = settings.PollInterval }, Notice).ToList();
                if (syslog.Listen.Count > 0) sources.Add(status.Syslog = LiveSources.Syslog(runtime, syslog, Notice));
                if (settings.Journald.Enabled) sources.Add(LiveSources.Journald(runtime, settings.Journald.ToOptions(), Notice));
                if (paths.Count > 0) log.LogInformation("Log watcher following {Logs}", string.Join(", ", paths));
                await ingest.CreatePipeline(settings.ReleaseWriterAfter).RunAsync(new MergedSource(sources, OriginOf(sources)), summary, cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Live sources failed after {Events} events; starting again in {Delay}", summary.EventsRead, settings.RestartAfter);
                try { await Task.Delay(settings.RestartAfter, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
            finally
            {
                foreach (var p in summary.Problems) log.LogWarning("Live sources: {Problem}", p);
                if (status.Syslog is { } s) log.LogInformation("Syslog listener: {Counters}", s.Counters);
            }
        }
    }

    // Observers hear "follow", "syslog" or "journald" when one kind runs, "live" when several do.
    private static string OriginOf(List<IEvidenceSource> sources) =>
        sources.Select(s => s.Origin).Distinct().ToList() is [var one] ? one : "live";
}
