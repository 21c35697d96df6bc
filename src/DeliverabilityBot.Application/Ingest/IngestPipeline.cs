using System.Threading.Channels;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Writing;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// The one path from a source to the store: every <see cref="IEvidenceSource"/> (files, followed logs, syslog, journald)
/// is classified and mapped here on one thread while the store writes committed batches on another, with a bounded
/// hand-over between them, so a fast source waits for the disk instead of growing memory. After the events before a
/// chunk's position are committed, the position is saved (<see cref="SourcePositions"/>), the chunk's
/// <see cref="SourceChunk.Committed"/> runs and observers hear the commit.
/// </summary>
public sealed class IngestPipeline
{
    // Few events in flight between the threads: whatever waits in the queue survives a few collections and is promoted,
    // so a deep queue (was 16 x 4,096) made the GC copy most events twice (peak RSS 250 -> 175 MB, GC pauses about halved).
    internal const int HandOverSize = 512;
    private const int HandOversQueued = 4;

    private readonly IHistoryStore _store;
    private readonly SummaryClassifier _classifier;
    private readonly SendingMap? _sending;
    private readonly MatchTimeoutSink? _timeouts;

    /// <summary>Creates the pipeline; see <see cref="IngestService"/> for the parameters.</summary>
    public IngestPipeline(IHistoryStore store, SummaryClassifier classifier, SendingMap? sending = null, MatchTimeoutSink? timeouts = null)
    {
        _store = store;
        _classifier = classifier;
        _sending = sending;
        _timeouts = timeouts;
    }

    /// <summary>Hears why the ingest waits before it can write (another writer holds the data folder).</summary>
    public Action<string>? Waiting { get; set; }

    /// <summary>Hear each committed batch: called on the writing thread, see <see cref="IIngestBatchObserver"/>.</summary>
    public IReadOnlyList<IIngestBatchObserver> Observers { get; set; } = [];

    /// <summary>
    /// For a live source: the store's writer lock is released after this long without events, so a <c>dbot ingest</c>
    /// of files into the same data folder gets its turn. Null (files): the lock is taken first and held to the end.
    /// </summary>
    public TimeSpan? ReleaseWriterAfter { get; set; }

    /// <summary>
    /// For files: the bytes to be read (0 when unknown), told to the writer as a bulk import
    /// (<see cref="IHistoryWriter.ExpectBulk"/>), so the store may build its read-side indexes once at the end. Null for a
    /// live source, whose readers must stay fast meanwhile.
    /// </summary>
    public long? BulkInputBytes { get; set; }

    /// <summary>
    /// Reads <paramref name="source"/> to its end (or until <paramref name="cancellationToken"/> is cancelled, which is
    /// rethrown once what was handed over is committed), counting into <paramref name="summary"/>.
    /// <paramref name="handedOver"/> hears after each hand-over is written, with the events newly stored so far;
    /// <paramref name="finish"/> runs with the writer once the source has ended and everything is committed.
    /// </summary>
    public async Task RunAsync(IEvidenceSource source, IngestSummary summary, Action<long>? handedOver = null,
        Action<IHistoryWriter>? finish = null, CancellationToken cancellationToken = default)
    {
        void OnTimeout(string ruleId, string pattern, Core.Events.BounceEvent bounce) => summary.CountRegexTimeout(ruleId);
        if (_timeouts is not null) _timeouts.TimedOut += OnTimeout;
        var notifier = new CommitNotifier(source.Origin, [.. Observers, Telemetry.IngestTelemetryObserver.Instance]);
        IHistoryWriter? writer = null;
        var stored = 0L;
        try
        {
            if (ReleaseWriterAfter is null) writer = Acquire(notifier, cancellationToken);
            var handOvers = Channel.CreateBounded<HandOver>(new BoundedChannelOptions(HandOversQueued)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            // Stops the producer when writing fails, so it never waits on a full hand-over nobody reads.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var producer = Task.Run(() => ProduceAsync(source, summary, handOvers.Writer, stop.Token), stop.Token);
            var reader = handOvers.Reader;
            try
            {
                while (true)
                {
                    if (!reader.TryRead(out var handOver))
                    {
                        if (writer is not null && ReleaseWriterAfter is { } idle)
                        {
                            // Nothing to write for a while: let another writer in.
                            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                            wait.CancelAfter(idle);
                            try
                            {
                                if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false)) break;
                            }
                            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                            {
                                stored += Release(ref writer, notifier);
                            }
                            continue;
                        }
                        if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false)) break;
                        continue;
                    }
                    writer ??= Acquire(notifier, cancellationToken);
                    foreach (var e in handOver.Events)
                    {
                        notifier.Track(e);
                        writer.Add(e);
                    }
                    if (handOver.Position is { } position)
                    {
                        // Events first, then where to resume: a crash in between reads them again, and they are stored once.
                        writer.Flush();
                        _store.Positions?.Save([new(position.Key, position.Value)]);
                    }
                    else if (handOver.Now || handOver.Committed is not null)
                    {
                        writer.Flush();
                    }
                    handOver.Committed?.Invoke();
                    handedOver?.Invoke(stored + writer.Total.Stored);
                }
            }
            finally
            {
                // On cancellation or failure the producer stops too; what it already handed over is committed below.
                await stop.CancelAsync().ConfigureAwait(false);
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            await producer.ConfigureAwait(false);
            if (writer is not null)
            {
                writer.Flush();
                finish?.Invoke(writer);
            }
            else if (finish is not null)
            {
                writer = Acquire(notifier, cancellationToken);
                finish(writer);
            }
        }
        finally
        {
            stored += Release(ref writer, notifier);
            summary.Stored = stored;
            if (_timeouts is not null) _timeouts.TimedOut -= OnTimeout;
        }
    }

    private IHistoryWriter Acquire(CommitNotifier notifier, CancellationToken cancellationToken)
    {
        var writer = _store.CreateWriter(Waiting, cancellationToken);
        notifier.Attach(writer);
        if (BulkInputBytes is { } bytes) writer.ExpectBulk(bytes);
        return writer;
    }

    // Commits what is open, lets the lock go; returns what the writer stored.
    private static long Release(ref IHistoryWriter? writer, CommitNotifier notifier)
    {
        if (writer is null) return 0;
        try
        {
            writer.Dispose();
            return writer.Total.Stored;
        }
        finally
        {
            notifier.Attach(null);
            writer = null;
        }
    }

    private async Task ProduceAsync(IEvidenceSource source, IngestSummary summary, ChannelWriter<HandOver> handOvers, CancellationToken cancellationToken)
    {
        try
        {
            var now = DateTimeOffset.UtcNow;
            var batch = new List<StoredEvent>(HandOverSize);
            await foreach (var chunk in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (chunk.Problem is { } problem) summary.Problems.Add(problem);
                foreach (var e in chunk.Events)
                {
                    batch.Add(StoredEventMapper.Map(e, _classifier.Classify(e), now, _sending));
                    Count(summary, ClassificationJson.ActionName(e.Action));
                    if (batch.Count < HandOverSize) continue;
                    await handOvers.WriteAsync(new HandOver(batch, null, false, null), cancellationToken).ConfigureAwait(false);
                    batch = new List<StoredEvent>(HandOverSize);
                }
                if (chunk.Position is null && !chunk.HandOverNow && chunk.Committed is null) continue;
                // A live source's chunk ends a hand-over: its position is saved (or its callback run) once its events are committed.
                await handOvers.WriteAsync(new HandOver(batch, chunk.Position, chunk.HandOverNow, chunk.Committed), cancellationToken).ConfigureAwait(false);
                batch = new List<StoredEvent>(HandOverSize);
                now = DateTimeOffset.UtcNow;
            }
            if (batch.Count > 0) await handOvers.WriteAsync(new HandOver(batch, null, false, null), cancellationToken).ConfigureAwait(false);
            handOvers.Complete();
        }
        catch (Exception ex)
        {
            handOvers.Complete(ex);
            throw;
        }
    }

    private static void Count(IngestSummary summary, string action)
    {
        summary.EventsRead++;
        summary.ByAction[action] = summary.ByAction.GetValueOrDefault(action) + 1;
    }

    private sealed record HandOver(List<StoredEvent> Events, SourcePosition? Position, bool Now, Action? Committed);
}
