using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.FixtureTests.RuleFixtures;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Evaluation;
using DeliverabilityBot.Rules.Engine;

namespace DeliverabilityBot.FixtureTests.Corpus;

/// <summary>The shared Sisimai corpus (../shared/corpus/sisimai), read and classified once for all corpus tests.</summary>
internal static class SisimaiCorpus
{
    private static readonly Lazy<Run> Cached = new(Classify);

    /// <summary>The corpus folder (skips the test where ../shared is absent; fails on CI).</summary>
    public static string Dir => TestPaths.RequireShared("corpus", "sisimai");

    /// <summary>Every file of maildir/ and mailbox/, read and classified with the shipped rules.</summary>
    public static Run Result => Cached.Value;

    /// <summary>The read results and classifications, in path order.</summary>
    internal sealed record Run(IReadOnlyList<FileReadResult> Reads, IReadOnlyList<BounceClassification> Classifications, EvaluationReport Report);

    private static Run Classify()
    {
        var dir = Dir;
        var classifier = new NRulesBounceClassifier(ShippedRules.Rules);
        var reads = new EvidenceBatch().Read([Path.Combine(dir, "maildir"), Path.Combine(dir, "mailbox")]).ToList();
        var classifications = reads.SelectMany(r => r.Events.Count == 0 ? [] : classifier.ClassifyAll(r.Events)).ToList();
        var observed = classifications.Where(c => c.Event.MessageIndex is null).Select(c => new ObservedBounce(
            Path.GetFullPath(c.Event.Source), c.Event.Index, c.Reason, (c.Event.Reply.Status ?? c.Event.DsnStatus)?.ToString(), c.Event.Reply.Code, c.HardBounce));
        var report = CorpusEvaluator.Evaluate(ExpectedBounce.Load(Path.Combine(dir, "expected.jsonl")), dir, observed.ToList());
        return new Run(reads, classifications, report);
    }
}
