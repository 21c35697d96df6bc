namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>
/// A chart: the series it plots (so text channels can show the numbers) and, when one was drawn, a PNG.
/// </summary>
/// <param name="AltText">One sentence saying what the chart shows, for text channels and screen readers.</param>
/// <param name="Series">The plotted series, each a name and its points.</param>
public sealed record ChartBlock(string AltText, IReadOnlyList<ChartSeries> Series) : AnswerBlock
{
    /// <summary>The drawn image, PNG bytes, or null when no chart renderer is available.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? Png { get; init; }

    /// <inheritdoc />
    public override bool IsEmpty => Series.All(s => s.Points.Count == 0);

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) => this with { Title = Title is null ? null : map(Title), AltText = map(AltText) };
}

/// <summary>One plotted line: a name ("iCloud deferred %") and its points in time order.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>One point: when, and the value (a percentage for rate charts).</summary>
public sealed record ChartPoint(DateTimeOffset At, double Value);
