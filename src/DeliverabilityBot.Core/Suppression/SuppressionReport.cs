namespace DeliverabilityBot.Core.Suppression;

/// <summary>The recipients safe to suppress over a window, and how many failed recipients were held back and why.</summary>
public sealed class SuppressionReport
{
    /// <summary>Recipients safe to suppress, by address.</summary>
    public IReadOnlyList<SuppressionEntry> Safe { get; init; } = [];

    /// <summary>Failed recipients not suppressed, counted by why (most first).</summary>
    public IReadOnlyList<HeldCount> Held { get; init; } = [];

    /// <summary>Recipients that were only deferred in the window (never suppressed: 4xx is temporary).</summary>
    public long DeferredOnly { get; init; }
}

/// <summary>How many failed recipients were held back for one reason.</summary>
/// <param name="Why">The reason, as <see cref="SuppressionVerdict.Why"/> says it.</param>
/// <param name="Recipients">How many.</param>
public sealed record HeldCount(string Why, long Recipients);
