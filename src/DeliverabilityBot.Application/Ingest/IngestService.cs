using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Ingestion;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Writing;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// <c>dbot ingest</c>: reads files, folders, mboxes and logs with <see cref="EvidenceFileReader"/> (as <c>dbot classify</c>
/// does), classifies every attempt and stores it. Parsing and classifying run on one thread while the store writes
/// committed batches on another. A file that cannot be read is reported and skipped (what was read of it before the
/// error is kept); the rest is still ingested. Idempotent: ingesting the same input again stores nothing new.
/// </summary>
public sealed class IngestService
{
    // Few events in flight between the threads: whatever waits in the queue survives a few collections and is promoted,
    // so a deep queue (was 16 x 4,096) made the GC copy most events twice (peak RSS 250 -> 175 MB, GC pauses about halved).
    private const int HandOverSize = 512;
    private const int HandOversQueued = 4;

    // Logs and mboxes are streamed into the store, never held: unlike classify, ingest takes them at any size.
    private static readonly IngestionLimits Limits = new() { MaxStreamBytes = long.MaxValue };

    private readonly IHistoryStore _store;
    private readonly SummaryClassifier _classifier;
    private readonly SendingMap? _sending;
    private readonly MatchTimeoutSink? _timeouts;

    /// <summary>
    /// Creates the service; <paramref name="sending"/> gives our sending IPs where the evidence does not (Postfix logs);
    /// <paramref name="timeouts"/> (the rule set's regex timeout sink) lets the summary count and name the rules whose
    /// regex timed out, so an event classified without them is never stored silently.
    /// </summary>
    public IngestService(IHistoryStore store, SummaryClassifier classifier, SendingMap? sending = null, MatchTimeoutSink? timeouts = null)
    {
        _store = store;
        _classifier = classifier;
        _sending = sending;
        _timeouts = timeouts;
    }

    /// <summary>Hears why the ingest waits before it starts writing (another writer holds the data folder).</summary>
    public Action<string>? Waiting { get; set; }

    /// <summary>Hear each committed batch (the incident detector): called on the writing thread, see <see cref="IIngestBatchObserver"/>.</summary>
    public IReadOnlyList<IIngestBatchObserver> Observers { get; set; } = [];

    /// <summary>Ingests <paramref name="paths"/>; <paramref name="progress"/> hears after each committed batch.</summary>
    public IngestSummary Ingest(IReadOnlyList<string> paths, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var summary = new IngestSummary();
        // In folders, fixture expectations and notes sit beside evidence: named explicitly they are still read.
        var files = EvidencePaths.Expand(paths, [_store.Options.DataDirectory]).ToList();
        foreach (var (_, problem) in files.Where(f => f.Problem is not null)) summary.Problems.Add(problem!);
        var inputs = files.Where(f => f.Problem is null).Select(f => (f.Path, Length: KnownLength(f.Path))).ToList();
        using var writer = _store.CreateWriter(Waiting, cancellationToken);
        void OnTimeout(string ruleId, string pattern, Core.Events.BounceEvent bounce) => summary.CountRegexTimeout(ruleId);
        if (_timeouts is not null) _timeouts.TimedOut += OnTimeout;
        try
        {
            return Run(inputs, summary, clock, writer, cancellationToken, progress);
        }
        finally
        {
            if (_timeouts is not null) _timeouts.TimedOut -= OnTimeout;
        }
    }

    private IngestSummary Run(List<(string Path, long Length)> inputs, IngestSummary summary, Stopwatch clock, IHistoryWriter writer,
        CancellationToken cancellationToken, IProgress<IngestProgress>? progress)
    {
        var totalBytes = inputs.Sum(f => f.Length);
        var bytesDone = new StrongBox<long>();
        var bytesRead = 0L;
        var current = "";
        var now = DateTimeOffset.UtcNow;
        // Hand-over batches are small (no large-object-heap lists, the writer starts early); the writer commits
        // a transaction every writer.BatchSize events. Bounded: the parser never runs far ahead of the disk.
        var batches = new BlockingCollection<List<StoredEvent>>(boundedCapacity: HandOversQueued);

        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<StoredEvent>(HandOverSize);
                var reader = new EvidenceFileReader(Limits, sending: _sending);
                foreach (var (path, length) in inputs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    current = path;
                    var before = bytesDone.Value;
                    var read = true;
                    var consumedHere = 0L;
                    foreach (var slice in reader.ReadInSlices(path, HandOverSize, consumed => bytesDone.Value = before + Math.Min(consumedHere = consumed, length)))
                    {
                        if (slice.Error is { } problem)
                        {
                            summary.Problems.Add(problem);
                            read = false;
                            continue;
                        }
                        foreach (var e in slice.Events)
                        {
                            batch.Add(StoredEventMapper.Map(e, _classifier.Classify(e), now, _sending));
                            Count(summary, ClassificationJson.ActionName(e.Action));
                            if (batch.Count < HandOverSize) continue;
                            batches.Add(batch, cancellationToken);
                            batch = new List<StoredEvent>(HandOverSize);
                        }
                    }
                    if (read) summary.Files++;
                    bytesDone.Value = before + length;
                    // Stdin and pipes have no length to count beforehand: what was read of them counts.
                    bytesRead += Math.Max(length, consumedHere);
                }
                if (batch.Count > 0) batches.Add(batch, cancellationToken);
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, cancellationToken);

        using var notifier = new CommitNotifier("ingest", [.. Observers, Telemetry.IngestTelemetryObserver.Instance], writer);
        foreach (var batch in batches.GetConsumingEnumerable(cancellationToken))
        {
            foreach (var e in batch)
            {
                notifier.Track(e);
                writer.Add(e);
            }
            progress?.Report(new IngestProgress(bytesDone.Value, totalBytes, summary.EventsRead, writer.Total.Stored, current));
        }
        producer.GetAwaiter().GetResult();
        writer.Flush();
        // Recorded last and committed with a full sync: everything reported below is on disk.
        if (inputs.Count > 0) writer.RecordSource(string.Join(", ", inputs.Select(f => f.Path)), bytesRead, summary.EventsRead, writer.Total.Stored);
        summary.Stored = writer.Total.Stored;
        summary.Bytes = bytesRead;
        summary.Expired = writer.ApplyRetention(_store.Options.RetentionDays, now);
        clock.Stop();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>The bytes progress counts for a path: a file's length (a gzip's compressed one); none for stdin or a pipe.</summary>
    private static long KnownLength(string path) =>
        path == EvidencePaths.StandardInput ? 0 : new FileInfo(path) is { Exists: true } file ? file.Length : 0;

    private static void Count(IngestSummary summary, string action)
    {
        summary.EventsRead++;
        summary.ByAction[action] = summary.ByAction.GetValueOrDefault(action) + 1;
    }
}
