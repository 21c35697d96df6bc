using System.Threading.Channels;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// An <see cref="IIngestBatchObserver"/> that queues each committed batch for a reader on another thread
/// (<see cref="ReadAllAsync"/>): "the store advanced". Bounded: when the reader falls behind, the oldest notices are
/// dropped (each says only that the store moved, so the newest one is enough to catch up); the writer never waits.
/// </summary>
public sealed class IngestNotifications : IIngestBatchObserver
{
    private readonly Channel<IngestBatchCommitted> _channel;

    /// <summary>Creates the queue, holding at most <paramref name="capacity"/> notices.</summary>
    public IngestNotifications(int capacity = 1024)
    {
        _channel = Channel.CreateBounded<IngestBatchCommitted>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <inheritdoc />
    public void OnBatchCommitted(IngestBatchCommitted batch) => _channel.Writer.TryWrite(batch);

    /// <summary>The notices, in commit order, as they come.</summary>
    public IAsyncEnumerable<IngestBatchCommitted> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}
