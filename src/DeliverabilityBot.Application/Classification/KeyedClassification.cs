using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>
/// One classification per <see cref="ClassificationCacheKey"/> of an event's <see cref="RulesProbe"/>, kept as the
/// <typeparamref name="T"/> its callers need and shared by every event with that key: a hit costs a key and a lookup,
/// no classification object and no finding messages per event. Events are keyed through the probe because a
/// delivered attempt's queue id and a reply quoting the recipient would otherwise make every such event in a
/// million-line log run the engine. Thread-safe; bounded.
/// </summary>
/// <typeparam name="T">What is kept per key.</typeparam>
public abstract class KeyedClassification<T> where T : class
{
    private const int Capacity = 50_000;
    private readonly IBounceClassifier _classifier;
    private readonly ConcurrentDictionary<ClassificationCacheKey, T> _known = new();
    private long _misses;

    /// <summary>Wraps a classifier (the rules engine, usually behind a <see cref="CachingBounceClassifier"/>).</summary>
    protected KeyedClassification(IBounceClassifier classifier) => _classifier = classifier;

    /// <summary>Events that were classified (distinct keys seen, until the bound clears them).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>What is kept for <paramref name="e"/>'s key, classifying on the first event with it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public T Classify(BounceEvent e)
    {
        var (key, text) = RulesProbe.KeyOf(e);
        if (_known.TryGetValue(key, out var known)) return known;
        Interlocked.Increment(ref _misses);
        var kept = Keep(_classifier.Classify(RulesProbe.For(e, text)));
        if (_known.Count >= Capacity) _known.Clear();
        _known[key] = kept;
        return kept;
    }

    /// <summary>What to keep of a classification.</summary>
    protected abstract T Keep(BounceClassification classification);
}
