using DeliverabilityBot.Application.Alerts;
using DeliverabilityBot.Application.Ingest;

namespace DeliverabilityBot.Server.Alerts;

/// <summary>
/// Runs the alert detector in the server: after each committed ingest batch (when a live source in this process
/// reports through <see cref="IngestNotifications"/>) and on a timer (<see cref="AlertOptions.Interval"/>, for ingests
/// in other processes), then posts what changed. A failed evaluation is logged and tried again at the next tick.
/// </summary>
public sealed class AlertService(AlertDetector detector, AlertPublisher publisher, AlertOptions options, IServiceProvider services, ILogger<AlertService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notices = services.GetService<IngestNotifications>();
        using var wake = new SemaphoreSlim(0);
        var listener = notices is null ? Task.CompletedTask : ListenAsync(notices, wake, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await EvaluateOnceAsync(stoppingToken);
            try
            {
                await wake.WaitAsync(options.Interval, stoppingToken);
                while (wake.CurrentCount > 0) await wake.WaitAsync(stoppingToken); // one evaluation catches up with every batch
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await listener;
    }

    /// <summary>One evaluation and its posts; one at a time (a notice and the timer may meet).</summary>
    public async Task EvaluateOnceAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var pass = await Task.Run(() => detector.Evaluate(), cancellationToken);
            if (pass.Changes.Count > 0) await publisher.PublishAsync(pass.Changes, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Alert evaluation failed; trying again at the next tick");
        }
        finally
        {
            _turn.Release();
        }
    }

    private static async Task ListenAsync(IngestNotifications notices, SemaphoreSlim wake, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in notices.ReadAllAsync(stoppingToken)) wake.Release();
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
