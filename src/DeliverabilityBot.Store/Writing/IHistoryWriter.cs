using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// Writes events in batches of <see cref="BatchSize"/>, one transaction each, with their hourly and message rollups; an
/// event already stored (same identity) is skipped and not counted twice. Call <see cref="Flush"/> before reading the
/// totals; <see cref="IDisposable.Dispose"/> flushes too. Not thread-safe.
/// </summary>
public interface IHistoryWriter : IDisposable
{
    /// <summary>Events per transaction.</summary>
    int BatchSize { get; }

    /// <summary>Totals of everything written (acknowledged) so far.</summary>
    WriteResult Total { get; }

    /// <summary>Raised after each committed batch with that batch's result.</summary>
    event Action<WriteResult>? BatchCommitted;

    /// <summary>Writes one event into the open batch; commits the batch when it is full. A failure rolls the open batch back
    /// whole (nothing of it is stored or counted) and is rethrown; the next event starts a new batch.</summary>
    void Add(StoredEvent e);

    /// <summary>Commits the open batch, if any.</summary>
    void Flush();

    /// <summary>Records an ingested source for <c>dbot stats</c> and audits; what was written before it is durable after it.</summary>
    void RecordSource(string path, long bytes, long events, long stored);

    /// <summary>
    /// Says that a bulk import of about <paramref name="expectedBytes"/> of input (0: unknown) follows, from files rather
    /// than a live source: a store may then build some read-side indexes once at the end (when <see cref="IDisposable.Dispose"/>,
    /// <see cref="RecordSource"/> or <see cref="ApplyRetention"/> is called) instead of row by row; readers meanwhile get
    /// the same answers, more slowly. Call before the first <see cref="Add"/>. The default ignores it.
    /// </summary>
    void ExpectBulk(long expectedBytes)
    {
    }

    /// <summary>Deletes events and rollups older than <paramref name="days"/> before the newest timed event
    /// (or before now, whichever is earlier), so old sample data is not wiped on arrival. Returns events deleted.</summary>
    long ApplyRetention(int days, DateTimeOffset now);
}
