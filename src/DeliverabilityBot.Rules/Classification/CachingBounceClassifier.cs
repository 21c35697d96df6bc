using System.Collections.Concurrent;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Matching.Compiled;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>
/// A rule classifier that remembers results by <see cref="ClassificationCacheKey"/>: exactly the event fields rule
/// matching reads. Real bounce streams repeat the same replies thousands of times, so the engine runs once per
/// distinct (reply, recipient domain, remote host, stage, action, kind); every later event with that key gets the same
/// findings and conclusions, with messages whose placeholders read other fields (<c>{recipient}</c>, <c>{ip}</c>)
/// filled for that event. Results equal the wrapped classifier's. Thread-safe; memory is bounded (see remarks).
/// </summary>
/// <remarks>
/// Wire it in front of any <see cref="RuleClassifierBase"/>: <c>new CachingBounceClassifier(new NRulesBounceClassifier(set))</c>.
/// At most <c>capacity</c> entries are held, in two generations (the older is dropped when the newer fills, so often
/// used keys survive); replies longer than <see cref="MaxCachedTextLength"/> characters are classified without caching,
/// and so is any event during whose classification a rule regex timed out (a timeout is load-dependent, not a result).
/// </remarks>
public sealed class CachingBounceClassifier : IBounceClassifier
{
    /// <summary>Distinct keys held by default (a few hundred distinct replies are typical of a day's logs).</summary>
    public const int DefaultCapacity = 16_384;

    /// <summary>Longest reply text (in characters) whose classification is cached.</summary>
    public const int MaxCachedTextLength = 4_096;

    private readonly RuleClassifierBase _inner;
    private readonly Dictionary<string, CompiledRule> _rulesById = new(StringComparer.Ordinal);
    private readonly int _generationSize;
    private readonly Lock _rotating = new();
    private volatile ConcurrentDictionary<ClassificationCacheKey, CachedClassification> _current = new();
    private volatile ConcurrentDictionary<ClassificationCacheKey, CachedClassification> _previous = new();
    private int _currentCount;
    private long _hits;
    private long _misses;

    /// <summary>Wraps <paramref name="inner"/>, holding at most <paramref name="capacity"/> distinct keys.</summary>
    public CachingBounceClassifier(RuleClassifierBase inner, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _inner = inner;
        _generationSize = capacity / 2;
        foreach (var rule in inner.RuleSet.Rules) _rulesById.TryAdd(rule.Id, rule);
    }

    /// <summary>The wrapped classifier.</summary>
    public RuleClassifierBase Inner => _inner;

    /// <summary>Entries held now, at most the capacity (a key carried into the newer generation counts twice).</summary>
    public int Count => _current.Count + _previous.Count;

    /// <summary>Events answered from the cache so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Events the wrapped classifier ran for so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc />
    public BounceClassification Classify(BounceEvent bounce)
    {
        ArgumentNullException.ThrowIfNull(bounce);
        var key = ClassificationCacheKey.Of(bounce);
        if (Lookup(key) is { } cached)
        {
            Interlocked.Increment(ref _hits);
            return cached.For(bounce, _inner.RuleSet.Attributor);
        }
        Interlocked.Increment(ref _misses);
        var timeoutsBefore = _inner.RuleSet.Timeouts.Count;
        var result = _inner.Classify(bounce);
        if (key.Text.Length > MaxCachedTextLength) return result;
        var entry = CachedClassification.From(result, _rulesById, _inner.RuleSet.Attributor);
        if (_inner.RuleSet.Timeouts.Count == timeoutsBefore) Store(key, entry);
        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<BounceClassification> ClassifyAll(IReadOnlyList<BounceEvent> bounces)
    {
        ArgumentNullException.ThrowIfNull(bounces);
        var results = new BounceClassification[bounces.Count];
        for (var i = 0; i < results.Length; i++) results[i] = Classify(bounces[i]);
        return results;
    }

    private CachedClassification? Lookup(ClassificationCacheKey key)
    {
        if (_current.TryGetValue(key, out var hit)) return hit;
        if (!_previous.TryGetValue(key, out hit)) return null;
        Store(key, hit); // still in use: carry it into the current generation
        return hit;
    }

    private void Store(ClassificationCacheKey key, CachedClassification entry)
    {
        var current = _current;
        if (!current.TryAdd(key, entry) || Interlocked.Increment(ref _currentCount) < _generationSize) return;
        lock (_rotating)
        {
            if (!ReferenceEquals(current, _current)) return;
            _previous = current;
            _current = new ConcurrentDictionary<ClassificationCacheKey, CachedClassification>();
            Volatile.Write(ref _currentCount, 0);
        }
    }
}
