using System.Diagnostics;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Writing;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// Tells <see cref="IIngestBatchObserver"/>s about each batch the store writers of one ingest commit, with the time span
/// of the events in it: <see cref="Track"/> every event before handing it to the writer, which may commit on that add.
/// A live ingest releases its writer when idle and takes a new one later: <see cref="Attach"/> each.
/// </summary>
internal sealed class CommitNotifier
{
    private readonly string _origin;
    private readonly IReadOnlyList<IIngestBatchObserver> _observers;
    private IHistoryWriter? _writer;
    private long _oldest = long.MaxValue;
    private long _newest = long.MinValue;
    private long _total;

    public CommitNotifier(string origin, IReadOnlyList<IIngestBatchObserver> observers)
    {
        _origin = origin;
        _observers = observers;
    }

    /// <summary>Listens to <paramref name="writer"/> (and no longer to the previous one).</summary>
    public void Attach(IHistoryWriter? writer)
    {
        if (_writer is not null) _writer.BatchCommitted -= OnCommitted;
        _writer = writer;
        if (writer is not null) writer.BatchCommitted += OnCommitted;
    }

    /// <summary>Notes the time of an event about to be written.</summary>
    public void Track(StoredEvent e)
    {
        if (_observers.Count == 0) return;
        var ticks = e.Timestamp.UtcTicks;
        if (ticks < _oldest) _oldest = ticks;
        if (ticks > _newest) _newest = ticks;
    }

    private void OnCommitted(WriteResult result)
    {
        _total += result.Stored;
        if (_observers.Count == 0) return;
        DateTimeOffset? oldest = _oldest == long.MaxValue ? null : new DateTimeOffset(_oldest, TimeSpan.Zero);
        DateTimeOffset? newest = _newest == long.MinValue ? null : new DateTimeOffset(_newest, TimeSpan.Zero);
        _oldest = long.MaxValue;
        _newest = long.MinValue;
        var batch = new IngestBatchCommitted(_origin, result.Offered, result.Stored, oldest, newest, _total, DateTimeOffset.UtcNow);
        foreach (var observer in _observers)
        {
            // A broken subscriber (the detector) must not stop ingestion: the batch is committed whatever it does.
            try { observer.OnBatchCommitted(batch); }
            catch (Exception ex) when (ex is not OutOfMemoryException) { Trace.TraceWarning($"dbot: ingest observer {observer.GetType().Name} failed: {ex.Message}"); }
        }
    }
}
