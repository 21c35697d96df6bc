namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>The categories a diagnosis falls into.</summary>
public static class DiagnosisCategories
{
    /// <summary>Every category name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "authentication", "reputation", "volume", "content-policy", "list-hygiene", "recipient-mailbox",
        "infrastructure", "sender-queue", "receiver-outage", "none",
    };

    /// <summary>True if <paramref name="name"/> is a known category.</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}
