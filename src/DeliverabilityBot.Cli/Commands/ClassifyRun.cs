using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;

namespace DeliverabilityBot.Cli.Commands;

/// <summary>One file (or mbox message) read and classified.</summary>
/// <param name="Read">What reading gave, including any error.</param>
/// <param name="Results">The classifications of its events, in order.</param>
internal sealed record ClassifiedFile(FileReadResult Read, IReadOnlyList<BounceClassification> Results);

/// <summary>One file (or mbox message) read and classified by a <see cref="KeyedClassifier"/>.</summary>
/// <param name="Read">What reading gave, including any error.</param>
/// <param name="Events">The events shown, in order.</param>
/// <param name="Shared">For each event, the classification it shares with every event of its key (no messages of its own).</param>
internal sealed record KeyedFile(FileReadResult Read, IReadOnlyList<BounceEvent> Events, BounceClassification[] Shared);

/// <summary>
/// The pipeline <c>classify</c> and <c>eval</c> share: expand the paths, read every file in parallel, classify each
/// file's events on the reading thread with the loaded rule set; results come back in path order.
/// </summary>
internal static class ClassifyRun
{
    /// <summary>
    /// Loads the rules (reporting problems on <paramref name="error"/>) behind a classification cache (a corpus or log
    /// repeats the same replies); null when none could be loaded.
    /// </summary>
    public static CachingBounceClassifier? LoadClassifier(string? rulesDirectory, TextWriter error)
    {
        var rules = RuleSetProvider.Load(rulesDirectory, error);
        if (rules is null) return null;
        foreach (var d in rules.Diagnostics.Where(d => d.IsError)) error.WriteLine(d);
        if (rules.ExcludedFiles.Count > 0)
            error.WriteLine($"dbot: warning: {rules.ExcludedFiles.Count} rule file(s) with errors were left out; run 'dbot rules validate'.");
        rules.Timeouts.TimedOut += (id, pattern, _) => error.WriteLine($"{id}: warning DBR0028: regex timed out while matching; treated as no match: {pattern}");
        return new CachingBounceClassifier(new NRulesBounceClassifier(rules));
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
    /// classification shared by its key, so a million-line log costs a key and a lookup per bounce.
    /// </summary>
    public static IEnumerable<KeyedFile> RunKeyed(IEnumerable<(string Path, string? Problem)> files, KeyedClassifier classifier, bool includeDelivered) =>
        new EvidenceBatch().ReadAndMap(files, read =>
        {
            var events = includeDelivered ? read.Events : read.Events.Where(IsBounceEvidence).ToArray();
            var shared = new BounceClassification[events.Count];
            for (var i = 0; i < shared.Length; i++) shared[i] = classifier.Classify(events[i]);
            return new KeyedFile(read, events, shared);
        });

    /// <summary>Failed or delayed attempts, complaints and auto-replies: what a person reading bounces wants to see.</summary>
    public static bool IsBounceEvidence(BounceEvent e) =>
        e.Action is DeliveryAction.Failed or DeliveryAction.Delayed || e.Kind is EvidenceKind.Feedback or EvidenceKind.AutoReply;
}
