namespace DeliverabilityBot.Conversation.Composing;

/// <summary>Suggested next questions, phrased the way the understanding reads them.</summary>
public static class FollowUps
{
    /// <summary>After an answer about a receiver's traffic.</summary>
    public static IReadOnlyList<string> ForTraffic(Question q, string current)
    {
        var other = q.Receiver == "icloud" ? "gmail" : "icloud";
        var all = new List<string>();
        if (current != Understanding.Intents.Actions) all.Add("What should we do?");
        if (current != Understanding.Intents.Evidence) all.Add("Show me examples");
        if (current != Understanding.Intents.Stats) all.Add("How many per hour?");
        if (current != Understanding.Intents.Why) all.Add("Why?");
        all.Add($"And {other}?");
        return all;
    }

    /// <summary>After explaining a bounce or a code.</summary>
    public static IReadOnlyList<string> ForExplain(string? receiver) =>
        receiver is null or "unknown"
            ? ["What should we do?", "Show me examples", "Why is icloud deferring us?"]
            : ["What should we do?", "Show me examples", $"Why is {receiver} deferring us?"];

    /// <summary>General starting points.</summary>
    public static IReadOnlyList<string> Starters { get; } =
        ["Why is icloud deferring us?", "How many bounces today?", "What does 421 4.7.0 mean?", "What is ICL1001?"];
}
