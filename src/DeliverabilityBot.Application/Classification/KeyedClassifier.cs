using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// Classifies events for callers that show conclusions and findings but no finding messages (the summary and the
/// JSON lines of <c>dbot classify</c>): one full classification per <see cref="ClassificationCacheKey"/> of the
/// event's <see cref="RulesProbe"/>, shared by every event with that key. A hit costs a key and a lookup; no
/// classification object is built per event. Thread-safe; bounded.
/// </summary>
/// <remarks>
/// What the shared classification holds besides messages (rules, conclusions, explanations, actions, references)
/// depends on the key alone; its <see cref="BounceClassification.Event"/> and finding messages are those of the
/// first event with the key, not of the event asked about.
/// </remarks>
public sealed class KeyedClassifier
{
    private const int Capacity = 50_000;
    private readonly IBounceClassifier _classifier;
    private readonly ConcurrentDictionary<ClassificationCacheKey, BounceClassification> _known = new();
    private long _misses;

    /// <summary>Wraps a classifier (the rules engine, usually behind a <see cref="CachingBounceClassifier"/>).</summary>
    public KeyedClassifier(IBounceClassifier classifier) => _classifier = classifier;

    /// <summary>Events that were classified (distinct keys seen, until the bound clears them).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The classification shared by every event with <paramref name="e"/>'s key (see remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BounceClassification Classify(BounceEvent e)
    {
        var (key, text) = RulesProbe.KeyOf(e);
        if (_known.TryGetValue(key, out var known)) return known;
        Interlocked.Increment(ref _misses);
        var result = _classifier.Classify(RulesProbe.For(e, text));
        if (_known.Count >= Capacity) _known.Clear();
        _known[key] = result;
        return result;
    }
}
