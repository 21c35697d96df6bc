namespace DeliverabilityBot.Application.Windows;

/// <summary>What people type for a receiver, mapped to receiver ids: <c>apple</c>, <c>me.com</c>, <c>mac.com</c> all mean <c>icloud</c>.</summary>
public static class ReceiverNames
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["icloud"] = "icloud", ["i-cloud"] = "icloud", ["icloud.com"] = "icloud", ["me.com"] = "icloud", ["me"] = "icloud",
        ["mac.com"] = "icloud", ["mac"] = "icloud", ["apple"] = "icloud", ["apple mail"] = "icloud", ["applemail"] = "icloud",
        ["gmail"] = "gmail", ["gmail.com"] = "gmail", ["google"] = "gmail", ["googlemail"] = "gmail", ["googlemail.com"] = "gmail",
        ["yahoo"] = "yahoo", ["yahoo.com"] = "yahoo", ["aol"] = "yahoo", ["aol.com"] = "yahoo",
        ["outlook"] = "microsoft", ["outlook.com"] = "microsoft", ["hotmail"] = "microsoft", ["hotmail.com"] = "microsoft",
        ["live"] = "microsoft", ["live.com"] = "microsoft", ["msn"] = "microsoft", ["office365"] = "microsoft", ["office 365"] = "microsoft",
        ["microsoft"] = "microsoft", ["m365"] = "microsoft",
        ["pphosted"] = "proofpoint", ["proofpoint"] = "proofpoint",
    };

    /// <summary>The receiver id for <paramref name="text"/>; null for null/empty/<c>all</c>; known ids pass through.</summary>
    /// <exception cref="ArgumentException">The text names no known receiver.</exception>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return null;
        var t = text.Trim();
        if (Synonyms.TryGetValue(t, out var id)) return id;
        var lower = t.ToLowerInvariant();
        if (Core.Vocabulary.Receivers.IsKnown(lower)) return lower;
        throw new ArgumentException($"'{text}' is not a receiver dbot knows; try icloud, gmail, yahoo, microsoft, or one of: {string.Join(", ", Core.Vocabulary.Receivers.All.Order())}.");
    }
}
