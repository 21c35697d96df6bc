using System.Text.Json.Serialization;

namespace DeliverabilityBot.Conversation.Answers.Blocks;

/// <summary>How a series is drawn.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChartStyle>))]
public enum ChartStyle
{
    /// <summary>A solid line with markers.</summary>
    Line,

    /// <summary>A dashed line (a second measure of the same thing: messages beside attempts).</summary>
    DashedLine,

    /// <summary>Bars, one per bucket (volumes).</summary>
    Bars,
}
