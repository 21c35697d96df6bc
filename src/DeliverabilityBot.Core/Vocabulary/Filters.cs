namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>Reputation or filtering systems a reply can name.</summary>
public static class Filters
{
    /// <summary>Every filter id rules may name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "proofpoint", "cloudmark", "spamhaus", "barracuda", "spamcop", "mimecast", "cisco", "abusix",
        "vade", "sorbs", "returnpath", "uceprotect", "microsoft", "trendmicro", "sophos", "spambrella", "messagelabs",
    };

    /// <summary>True if <paramref name="id"/> is a known filter id.</summary>
    public static bool IsKnown(string? id) => id is not null && All.Contains(id);
}
