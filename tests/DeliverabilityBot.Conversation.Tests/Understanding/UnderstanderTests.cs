using DeliverabilityBot.Conversation.Intents;
using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Tests.Understanding;

public class UnderstanderTests
{
    [Theory]
    [MemberData(nameof(UtteranceCases.All), MemberType = typeof(UtteranceCases))]
    public void Understand_RealisticUtterance_YieldsIntentAndEntities(string text, string intent, string entities)
    {
        var u = TestBot.Understander.Understand(text, ShippedReceivers.Lexicon);
        var expected = Parse(entities);
        var actual = u.Entities.ToDictionary();
        Assert.True(intent == u.Intent && expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out var v) && v == kv.Value),
            $"\"{text}\"\n expected: {intent} {Show(expected)}\n   actual: {u.Intent} {Show(actual)}");
    }

    [Fact]
    public void UtteranceCases_AtLeastEighty_CoverEveryIntent()
    {
        var cases = UtteranceCases.All.Select(row => (string)row[1]).ToList();
        Assert.True(cases.Count >= 80, $"only {cases.Count} utterances");
        // Intents added after the redesign keep their utterances next to them, in Intents/{Name}IntentTests.
        var ownTests = typeof(UnderstanderTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(TestBot.Registry.Names, i => Assert.True(cases.Contains(i) || ownTests.Contains(i + "IntentTests"), $"no utterance tests for {i}"));
    }

    [Fact]
    public void Understand_FollowUpWithOnlyAReceiver_IsContextOnly()
    {
        Assert.True(TestBot.Understander.Understand("and gmail?", ShippedReceivers.Lexicon).ContextOnly);
        Assert.False(TestBot.Understander.Understand("why is gmail deferring us?", ShippedReceivers.Lexicon).ContextOnly);
    }

    [Fact]
    public void Understand_PastedBounceInFence_KeepsEvidenceVerbatim()
    {
        var u = TestBot.Understander.Understand("what's this?\n```\n550 5.7.1 [CS01] Message rejected due to local policy\n```", ShippedReceivers.Lexicon);
        Assert.Equal("550 5.7.1 [CS01] Message rejected due to local policy", u.Evidence);
    }

    [Fact]
    public void Understand_HugeInput_IsCutNotRejected()
    {
        var u = TestBot.Understander.Understand(new string('x', Understander.MaxLength * 2), ShippedReceivers.Lexicon);
        Assert.Equal(IntentRegistry.Unknown, u.Intent);
    }

    private static Dictionary<string, string> Parse(string s) =>
        s.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    private static string Show(IReadOnlyDictionary<string, string> d) => "{" + string.Join("; ", d.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
