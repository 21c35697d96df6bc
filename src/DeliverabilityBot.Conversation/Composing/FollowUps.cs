namespace DeliverabilityBot.Conversation.Composing;

/// <summary>Suggested next questions, phrased the way the understanding reads them.</summary>
public static class FollowUps
{
    /// <summary>"And gmail?" for iCloud, "And icloud?" otherwise.</summary>
    public static string OtherReceiver(Question q) => q.Receiver == "icloud" ? "And gmail?" : "And icloud?";

    /// <summary>After explaining a bounce or a code.</summary>
    public static IReadOnlyList<string> ForExplain(string? receiver) =>
        receiver is null or "unknown"
            ? ["What should we do?", "Show me examples", "Why is icloud deferring us?"]
            : ["What should we do?", "Show me examples", $"Why is {receiver} deferring us?"];

    /// <summary>General starting points.</summary>
    public static IReadOnlyList<string> Starters { get; } =
        ["Why is icloud deferring us?", "How many bounces today?", "What does 421 4.7.0 mean?", "What is ICL1001?"];
}
