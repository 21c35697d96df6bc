using DeliverabilityBot.Conversation.Tests.Fakes;

namespace DeliverabilityBot.Conversation.Tests.Intents;

/// <summary>Checks one utterance's intent and the entities it names (<c>key=value;...</c>; keys not listed must be absent).</summary>
public static class UtteranceAssert
{
    public static void Understood(string text, string intent, string entities)
    {
        var u = TestBot.Understander.Understand(text, ShippedReceivers.Lexicon);
        var expected = entities.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var actual = u.Entities.ToDictionary();
        Assert.True(intent == u.Intent && expected.Count == actual.Count && expected.All(kv => actual.TryGetValue(kv.Key, out var v) && v == kv.Value),
            $"\"{text}\"\n expected: {intent} {Show(expected)}\n   actual: {u.Intent} {Show(actual)}");
    }

    private static string Show(IReadOnlyDictionary<string, string> d) => "{" + string.Join("; ", d.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
