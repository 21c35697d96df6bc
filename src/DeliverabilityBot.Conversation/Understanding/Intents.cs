namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>The intents the bot understands; the strings are part of the <c>/api/chat</c> and <c>dbot ask --json</c> contract.</summary>
public static class Intents
{
    /// <summary>Diagnose a receiver (or everything): "why is icloud deferring us?".</summary>
    public const string Why = "why";

    /// <summary>Explain pasted evidence or a code: "what does 421 4.7.0 mean?".</summary>
    public const string Explain = "explain";

    /// <summary>What to do about the current subject: "what should we do?".</summary>
    public const string Actions = "actions";

    /// <summary>Example bounces: "show me examples".</summary>
    public const string Evidence = "evidence";

    /// <summary>Counts and trends: "how many bounces today?".</summary>
    public const string Stats = "stats";

    /// <summary>A rule or the rules about something: "what is ICL1001?".</summary>
    public const string Rule = "rule";

    /// <summary>What the bot can do.</summary>
    public const string Help = "help";

    /// <summary>Not understood; the answer suggests what to ask.</summary>
    public const string Unknown = "unknown";

    /// <summary>Every intent, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = [Why, Explain, Actions, Evidence, Stats, Rule, Help, Unknown];
}
