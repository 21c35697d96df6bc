namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>A half-open time window [From, To).</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The window's length.</summary>
    public TimeSpan Length => To - From;

    /// <summary>The window of equal length just before this one.</summary>
    public TimeWindow Previous => new(From - Length, From);
}
