namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>
/// One plotted series: a name (<c>attempts deferred</c>, an IP), the panel it is drawn in, its style, a colour group
/// (series of one group share a colour across panels: the same IP, or attempts vs messages), and its points in time order.
/// </summary>
/// <param name="Name">The legend name.</param>
/// <param name="Points">Values in time order; a null value (no traffic in the bucket) is a gap, not zero.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>The panel's title, with its unit (<c>Deferred (4xx), %</c>); series with the same panel share a plot.</summary>
    public string Panel { get; init; } = string.Empty;

    /// <summary>How the series is drawn.</summary>
    public ChartStyle Style { get; init; } = ChartStyle.Line;

    /// <summary>Series with the same group share a colour; empty: the series' own name.</summary>
    public string Group { get; init; } = string.Empty;

    /// <summary>True when the values are percentages (0 to 100).</summary>
    public bool IsPercent { get; init; } = true;
}
