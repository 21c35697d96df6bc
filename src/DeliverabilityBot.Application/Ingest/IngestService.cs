using System.Diagnostics;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Ingestion;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// <c>dbot ingest</c>: reads files, folders, mboxes and logs with <see cref="EvidenceFileReader"/> (as <c>dbot classify</c>
/// does) as a <see cref="FileEvidenceSource"/>, through the <see cref="IngestPipeline"/> every source shares: parsing and
/// classifying run on one thread while the store writes committed batches on another. A file that cannot be read is reported and skipped (what was read of it before the
/// error is kept); the rest is still ingested. Idempotent: ingesting the same input again stores nothing new.
/// </summary>
public sealed class IngestService
{
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
        var source = new FileEvidenceSource(inputs, new EvidenceFileReader(Limits, sending: _sending), IngestPipeline.HandOverSize);
        var now = DateTimeOffset.UtcNow;
        var pipeline = CreatePipeline();
        pipeline.BulkInputBytes = inputs.Sum(f => f.Length);
        pipeline.RunAsync(source, summary,
            handedOver: stored => progress?.Report(new IngestProgress(source.BytesDone, source.TotalBytes, summary.EventsRead, stored, source.Current)),
            finish: writer =>
            {
                // Recorded last and committed with a full sync: everything reported below is on disk.
                if (inputs.Count > 0) writer.RecordSource(string.Join(", ", inputs.Select(f => f.Path)), source.BytesRead, summary.EventsRead, writer.Total.Stored);
                summary.Expired = writer.ApplyRetention(_store.Options.RetentionDays, now);
            },
            cancellationToken).GetAwaiter().GetResult();
        summary.Files = source.Files;
        summary.Bytes = source.BytesRead;
        clock.Stop();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>
    /// A pipeline over the same store, classifier, sending map and observers, for a live source (a followed log, syslog,
    /// journald): it releases the store's writer lock after <paramref name="releaseWriterAfter"/> without events.
    /// </summary>
    public IngestPipeline CreatePipeline(TimeSpan? releaseWriterAfter = null) =>
        new(_store, _classifier, _sending, _timeouts) { Waiting = Waiting, Observers = Observers, ReleaseWriterAfter = releaseWriterAfter };

    /// <summary>The bytes progress counts for a path: a file's length (a gzip's compressed one); none for stdin or a pipe.</summary>
    private static long KnownLength(string path) =>
        path == EvidencePaths.StandardInput ? 0 : new FileInfo(path) is { Exists: true } file ? file.Length : 0;
}
