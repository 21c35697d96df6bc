using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Application.Windows;

/// <summary>
/// What people type for a receiver, mapped to receiver ids through the registry the rule files declare:
/// <c>apple</c>, <c>me.com</c>, <c>mac.com</c> all mean <c>icloud</c>.
/// </summary>
public static class ReceiverNames
{
    /// <summary>
    /// The receiver id for <paramref name="text"/> (an id, a name or typo people use, or a mail domain); null for
    /// null/empty/<c>all</c>; <c>unknown</c> and <c>sender</c> pass through.
    /// </summary>
    /// <exception cref="ArgumentException">The text names no receiver the registry knows.</exception>
    public static string? Normalize(string? text, IReceiverRegistry registry)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return null;
        var t = string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (registry.Find(t) is { } byId) return byId.Id;
        if (t is Receivers.Unknown or "sender") return t;
        foreach (var r in registry.All)
            if (r.Names.Contains(t) || r.Typos.Contains(t)) return r.Id;
        if (t.Contains('.') && registry.ForDomain(t) is { } byDomain) return byDomain.Id;
        var known = registry.All.Where(r => r.IsReceiver).Select(r => r.Id).Order(StringComparer.Ordinal);
        throw new ArgumentException($"'{text}' is not a receiver dbot knows; try icloud, gmail, yahoo, microsoft, or one of: {string.Join(", ", known)}.");
    }
}
