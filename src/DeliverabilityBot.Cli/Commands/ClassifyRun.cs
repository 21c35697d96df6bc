using System.CommandLine;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>One file (or mbox message) read and classified.</summary>
/// <param name="Read">What reading gave, including any error.</param>
/// <param name="Results">The classifications of its events, in order.</param>
internal sealed record ClassifiedFile(FileReadResult Read, IReadOnlyList<BounceClassification> Results);

/// <summary>One file (or mbox message) read and classified by a <see cref="KeyedClassifier"/>.</summary>
/// <param name="Read">What reading gave, including any error.</param>
/// <param name="Events">The events shown, in order.</param>
/// <param name="Shared">For each event, the classification it shares with every event of its key (no messages of its own).</param>
/// <param name="Continued">True for every slice of a streamed log after its first (the same file and message).</param>
/// <param name="Streamed">True for a large log left unread by the reading threads, to be streamed in its place (never shown).</param>
internal sealed record KeyedFile(FileReadResult Read, IReadOnlyList<BounceEvent> Events, BounceClassification[] Shared, bool Continued = false, bool Streamed = false);

/// <summary>
/// The pipeline <c>classify</c> and <c>eval</c> share: expand the paths, read every file in parallel, classify each
/// file's events on the reading thread with the loaded rule set; results come back in path order.
/// </summary>
internal static class ClassifyRun
{
    /// <summary>
    /// The runtime's classifier (rules and deployment config from <c>--rules</c> and <c>--config</c>, problems reported on
    /// <paramref name="error"/>) behind a classification cache (a corpus or log repeats the same replies); null when no
    /// rules could be loaded.
    /// </summary>
    public static CachingBounceClassifier? LoadClassifier(ParseResult parse, TextWriter error)
    {
        // Classifying only: examples are checked where rules are written (rules validate/test/lint) and admitted (hot reload).
        var runtime = CliRuntime.Create(parse, o => o.CheckRuleExamples = false);
        var rules = CliRuntime.LoadRules(runtime, error);
        if (rules is null) return null;
        CliRuntime.ReportTimeouts(rules, error);
        return new CachingBounceClassifier(runtime.Classifier);
    }

    /// <summary>Every file in <paramref name="files"/>, read and classified, in order.</summary>
    /// <param name="files">The files, from <see cref="EvidencePaths.Expand"/>.</param>
    /// <param name="classifier">The classifier.</param>
    /// <param name="includeDelivered">Whether plain delivered attempts are classified and returned (complaints and auto-replies always are).</param>
    public static IEnumerable<ClassifiedFile> Run(IEnumerable<(string Path, string? Problem)> files, IBounceClassifier classifier, bool includeDelivered) =>
        new EvidenceBatch().ReadAndMap(files, read =>
        {
            var events = includeDelivered ? read.Events : read.Events.Where(IsBounceEvidence).ToArray();
            return new ClassifiedFile(read, events.Count == 0 ? [] : classifier.ClassifyAll(events));
        });

    /// <summary>
    /// Like <see cref="Run"/> for callers that need no finding messages (<c>classify</c>): each event gets the
    /// classification shared by its key, so a million-line log costs a key and a lookup per bounce. A large MTA log
    /// is streamed instead of read whole (see <see cref="StreamLog"/>); other files are read as <see cref="Run"/> does.
    /// </summary>
    public static IEnumerable<KeyedFile> RunKeyed(IReadOnlyList<(string Path, string? Problem)> files, KeyedClassifier classifier, bool includeDelivered)
    {
        // A large log is told apart by the reading threads from the file they opened anyway (a pass over every file
        // before reading began was serial, and one more stat each); it comes back unread, in its place, and is streamed here.
        var results = new EvidenceBatch(leaveLogsFrom: StreamedLogBytes).ReadAndMap(files,
            read => read.LeftForStreaming ? LargeLog(read) : Keyed(read, read.Events, classifier, includeDelivered, continued: false));
        foreach (var file in results)
        {
            if (file is not { Streamed: true })
            {
                yield return file;
                continue;
            }
            foreach (var slice in StreamLog(file.Read, classifier, includeDelivered)) yield return slice;
        }
    }

    // The reader's result is kept: for stdin or a pipe it holds the input, already open and not to be opened again.
    private static KeyedFile LargeLog(FileReadResult left) => new(left, [], [], Streamed: true);

    private static KeyedFile Keyed(FileReadResult read, IReadOnlyList<BounceEvent> all, KeyedClassifier classifier, bool includeDelivered, bool continued)
    {
        var events = includeDelivered ? all : all.Where(IsBounceEvidence).ToArray();
        var shared = new BounceClassification[events.Count];
        for (var i = 0; i < shared.Length; i++) shared[i] = classifier.Classify(events[i]);
        return new KeyedFile(read, events, shared, continued);
    }

    /// <summary>Logs at least this long are streamed (16 MB, ~100,000 lines); below it, reading whole costs little.</summary>
    private const long StreamedLogBytes = 16L * 1024 * 1024;

    private const int StreamedSlice = 4_096;

    /// <summary>
    /// A log read in slices of the events to show (<see cref="EvidenceFileReader.ReadLogInSlices"/>), each classified as it is
    /// parsed, so a million-line log is never held whole (holding it cost more in GC than the parse). A read error
    /// ends the log with the reader's failure; slices already returned stay shown.
    /// </summary>
    private static IEnumerable<KeyedFile> StreamLog(FileReadResult left, KeyedClassifier classifier, bool includeDelivered)
    {
        var continued = false;
        foreach (var slice in new EvidenceFileReader().ReadLeftLog(left, StreamedSlice, includeDelivered ? null : IsBounceEvidence))
        {
            yield return slice.Succeeded
                ? Keyed(slice, slice.Events, classifier, includeDelivered: true, continued)
                : new KeyedFile(slice, [], [], continued);
            continued = true;
        }
    }

    /// <summary>Failed or delayed attempts, complaints and auto-replies: what a person reading bounces wants to see.</summary>
    public static bool IsBounceEvidence(BounceEvent e) =>
        e.Action is DeliveryAction.Failed or DeliveryAction.Delayed || e.Kind is EvidenceKind.Feedback or EvidenceKind.AutoReply;
}
