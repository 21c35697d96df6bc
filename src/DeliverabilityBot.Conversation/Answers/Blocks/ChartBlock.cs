using System.Text.Json.Serialization;

namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>
/// A chart of values over time: its series (so text channels can list the numbers), grouped into stacked panels that
/// share the time axis, and a sentence stating what it shows and its figures (alt text for screen readers and for
/// channels without images). Channels that show images draw it with an <see cref="Rendering.IChartImageRenderer"/>:
/// the web chat from <see cref="ImageUrl"/>, Teams and Slack from <see cref="Png"/>.
/// </summary>
/// <param name="AltText">What the chart shows, with its figures (peaks, overall rates, volume), in plain sentences.</param>
/// <param name="Series">The plotted series in drawing order; panels appear in the order of their first series.</param>
public sealed record ChartBlock(string AltText, IReadOnlyList<ChartSeries> Series) : AnswerBlock
{
    /// <summary>The width of one time bucket (an hour or a day): how far a point's value reaches.</summary>
    public TimeSpan BucketWidth { get; init; } = TimeSpan.FromHours(1);

    /// <summary>What the chart was drawn from, so a server can draw it again on request (null when it was not from the store).</summary>
    public ChartSource? Source { get; init; }

    /// <summary>Where the web chat loads the image from (set by the server for its own authenticated endpoint), or null.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>The drawn image, PNG bytes, or null when no chart renderer is available.</summary>
    [JsonIgnore]
    public byte[]? Png { get; init; }

    /// <summary>The panels in display order (each series names its panel).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Panels => Series.Select(s => s.Panel).Distinct(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    /// <remarks>Empty when every value is missing or zero: no traffic to draw (a 0% rate comes with attempts, whose bars are not zero).</remarks>
    public override bool IsEmpty => Series.All(s => s.Points.All(p => p.Value is null or 0.0));

    /// <inheritdoc />
    public override AnswerBlock MapText(Func<string, string> map) => this with { Title = Title is null ? null : map(Title), AltText = map(AltText) };
}
