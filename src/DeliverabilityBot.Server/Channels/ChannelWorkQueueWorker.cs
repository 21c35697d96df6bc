namespace DeliverabilityBot.Server.Channels;

/// <summary>
/// Drains <see cref="ChannelWorkQueue"/> with a few concurrent workers. A failing item is logged and
/// dropped: one broken answer never stops the others.
/// </summary>
internal sealed class ChannelWorkQueueWorker(ChannelWorkQueue queue, ILogger<ChannelWorkQueueWorker> logger)
    : BackgroundService
{
    private const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(() => DrainAsync(stoppingToken), CancellationToken.None)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await item.Work(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Shutdown interrupted {Work}", item.Description);
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Background chat work failed: {Work}", item.Description);
                }
                finally
                {
                    queue.MarkDone();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}
