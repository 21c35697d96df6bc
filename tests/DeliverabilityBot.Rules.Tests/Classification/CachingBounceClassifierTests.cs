using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;

namespace DeliverabilityBot.Rules.Tests.Classification;

public class CachingBounceClassifierTests
{
    private static readonly NRulesBounceClassifier Engine = new(TestRules.Valid);

    private static BounceEvent Event(string reply, string to = "someone@icloud.com", string? host = null, string? ip = null) => new()
    {
        Recipient = to,
        RecipientDomain = to.Split('@')[^1],
        RemoteHost = host,
        RemoteIp = ip,
        Reply = SmtpReply.Parse(reply),
    };

    [Fact]
    public void Classify_SameReplyOtherRecipient_HitFillsThatRecipient()
    {
        var cache = new CachingBounceClassifier(Engine);

        cache.Classify(Event("554 5.7.1 [CS01] Message rejected due to local policy", "first@icloud.com"));
        var second = cache.Classify(Event("554 5.7.1 [CS01] Message rejected due to local policy", "second@icloud.com"));

        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
        Assert.Equal("iCloud refused mail to second@icloud.com with 5.7.1 [CS01]", second.Primary!.Message);
        Assert.Equal("second@icloud.com", second.Event.Recipient);
    }

    [Fact]
    public void Classify_SameReplyOtherRemoteIp_HitFillsThatIp()
    {
        var cache = new CachingBounceClassifier(Engine);
        const string reply = "554 5.7.1 Blocked by Proofpoint policy, see https://support.proofpoint.com/dnsbl-lookup.cgi";

        cache.Classify(Event(reply, "a@example.com", ip: "192.0.2.1"));
        var second = cache.Classify(Event(reply, "a@example.com", ip: "198.51.100.7"));

        Assert.Equal(PublicState.Of(Engine.Classify(second.Event)), PublicState.Of(second));
    }

    [Fact]
    public void Classify_VariedEventsTwice_EqualsUncachedInEveryProperty()
    {
        var cache = new CachingBounceClassifier(Engine);
        string[] replies =
        [
            "554 5.7.1 [CS01] Message rejected due to local policy", "421 4.7.0 mail from 192.0.2.1 deferred, try again later",
            "550 5.1.1 No such user", "554 5.7.1 Blocked by Proofpoint", "250 2.0.0 OK queued", "",
        ];
        var events = (from reply in replies
                      from to in new[] { "x@icloud.com", "y@icloud.com", "x@customer.example" }
                      from host in new[] { null, "mx05.mail.icloud.com", "mx1.example.net" }
                      select Event(reply, to, host, ip: to.Length % 2 == 0 ? "203.0.113.9" : null)).ToList();

        var first = cache.ClassifyAll(events);
        var again = cache.ClassifyAll(events.AsEnumerable().Reverse().ToList());

        Assert.True(cache.Hits >= events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var expected = PublicState.Of(Engine.Classify(events[i]));
            Assert.Equal(expected, PublicState.Of(first[i]));
            Assert.Equal(expected, PublicState.Of(again[events.Count - 1 - i]));
        }
    }

    [Fact]
    public void Classify_ManyDistinctReplies_HoldsAtMostCapacity()
    {
        var cache = new CachingBounceClassifier(Engine, capacity: 8);

        for (var i = 0; i < 100; i++) cache.Classify(Event($"550 5.1.1 user {i} unknown"));

        Assert.InRange(cache.Count, 1, 8);
        Assert.Equal(100, cache.Misses);
    }

    [Fact]
    public void Classify_OftenUsedKey_SurvivesGenerationTurnover()
    {
        var cache = new CachingBounceClassifier(Engine, capacity: 8);
        var hot = Event("554 5.7.1 [CS01] Message rejected due to local policy");

        for (var i = 0; i < 40; i++)
        {
            cache.Classify(hot);
            cache.Classify(Event($"550 5.1.1 user {i} unknown"));
        }

        Assert.Equal(39, cache.Hits);
    }

    [Fact]
    public void Classify_ReplyLongerThanLimit_NotCached()
    {
        var cache = new CachingBounceClassifier(Engine);
        var reply = "550 5.1.1 " + new string('x', CachingBounceClassifier.MaxCachedTextLength + 1);

        cache.Classify(Event(reply));
        cache.Classify(Event(reply));

        Assert.Equal(2, cache.Misses);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Classify_ConcurrentCallers_SameResultsAsUncached()
    {
        var cache = new CachingBounceClassifier(Engine, capacity: 16);
        var events = Enumerable.Range(0, 400).Select(i => Event($"550 5.1.1 user {i % 37} unknown", $"u{i}@icloud.com")).ToArray();

        var results = events.AsParallel().WithDegreeOfParallelism(4).Select(e => (e, c: cache.Classify(e))).ToList();

        Assert.All(results, r => Assert.Equal(PublicState.Of(Engine.Classify(r.e)), PublicState.Of(r.c)));
    }
}
