using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// Classifies events for storage through the runtime's classifier (the rules engine behind a
/// <see cref="CachingBounceClassifier"/>) and keeps, per <see cref="ClassificationCacheKey"/>, only what the store
/// needs. A hit costs a key and a lookup: no classification object and no finding messages are built per event,
/// which the full cache does since its callers show them. Lives for one ingest; thread-safe; bounded.
/// </summary>
/// <remarks>
/// Events are keyed and classified through <see cref="RulesProbe"/>: a delivered attempt's queue id and a reply
/// quoting the recipient would otherwise make every such event in a million-line log run the engine.
/// </remarks>
public sealed class SummaryClassifier
{
    private const int Capacity = 50_000;
    private readonly IBounceClassifier _classifier;
    private readonly ConcurrentDictionary<ClassificationCacheKey, ClassificationSummary> _summaries = new();
    private long _misses;

    /// <summary>Wraps the runtime's classifier.</summary>
    public SummaryClassifier(IBounceClassifier classifier) => _classifier = classifier;

    /// <summary>Events that were classified (distinct keys seen, until the bound clears them).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The summary for one event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ClassificationSummary Classify(BounceEvent e)
    {
        var (key, text) = RulesProbe.KeyOf(e);
        if (_summaries.TryGetValue(key, out var known)) return known;
        Interlocked.Increment(ref _misses);
        var summary = ClassificationSummary.Of(_classifier.Classify(RulesProbe.For(e, text)));
        if (_summaries.Count >= Capacity) _summaries.Clear();
        _summaries[key] = summary;
        return summary;
    }
}
