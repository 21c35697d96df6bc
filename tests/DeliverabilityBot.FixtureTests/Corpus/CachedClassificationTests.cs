using DeliverabilityBot.Core.Events;
using DeliverabilityBot.FixtureTests.RuleFixtures;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;

namespace DeliverabilityBot.FixtureTests.Corpus;

/// <summary>The classification cache changes nothing a caller can see, on every fixture and corpus event, in any order.</summary>
public class CachedClassificationTests
{
    private static readonly NRulesBounceClassifier Engine = new(ShippedRules.Rules);

    [Fact]
    public void ClassifyAll_EveryFixtureEvent_CachedEqualsUncached()
    {
        var inputs = EvidencePaths.Expand([ShippedRules.FixturesDir]);
        var events = new EvidenceBatch().ReadAndMap(inputs, r => r.Events).SelectMany(e => e).ToList();

        AssertCachedEqualsUncached(events);
    }

    [SkippableFact]
    public void ClassifyAll_EveryCorpusEvent_CachedEqualsUncached() =>
        AssertCachedEqualsUncached(SisimaiCorpus.Result.Reads.SelectMany(r => r.Events).ToList());

    private static void AssertCachedEqualsUncached(IReadOnlyList<BounceEvent> events)
    {
        Assert.True(events.Count > 50, $"only {events.Count} events read");
        // Room for every distinct key: eviction is the capacity's business (its own tests), not this test's. The
        // fixtures now hold logs with a distinct reply per message, more keys than one default generation holds.
        var cache = new CachingBounceClassifier(Engine, capacity: Math.Max(CachingBounceClassifier.DefaultCapacity, 4 * events.Count));
        var expected = events.Select(e => PublicState.Of(Engine.Classify(e))).ToList();

        var forward = cache.ClassifyAll(events);
        var backward = cache.ClassifyAll(events.Reverse().ToList());

        Assert.True(cache.Hits >= events.Count, $"{cache.Hits} hits for {events.Count} events classified twice");
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(expected[i], PublicState.Of(forward[i]));
            Assert.Equal(expected[i], PublicState.Of(backward[events.Count - 1 - i]));
        }
    }
}
