using System.Text.Json.Serialization;

namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>A half-open time window [From, To).</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The window's length.</summary>
    public TimeSpan Length => To - From;

    /// <summary>The window of equal length just before this one.</summary>
    /// <remarks>Not serialized: its own <see cref="Previous"/> is another window, without end, so a serializer
    /// following it never stops.</remarks>
    [JsonIgnore]
    public TimeWindow Previous => new(From - Length, From);

    /// <summary>The window as <c>[from, to)</c> in ISO 8601.</summary>
    /// <remarks>Written by hand: the record's generated printer would print <see cref="Previous"/>, whose own
    /// <see cref="Previous"/> is another window, without end.</remarks>
    public override string ToString() => $"[{From:O}, {To:O})";
}
