using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Core.Charts;

/// <summary>
/// Deferral and bounce rates over time at one receiver (or all), for a chart: the total series and, when asked, one
/// series per sending IP. Built from the history store's hourly rollups; buckets are UTC hours or UTC days.
/// </summary>
public sealed class RateTimeline
{
    /// <summary>The receiver id, or null for all receivers.</summary>
    public string? Receiver { get; init; }

    /// <summary>The sending IP the series are limited to, or null for every IP.</summary>
    public string? SendingIp { get; init; }

    /// <summary>The window covered (buckets may start before <see cref="TimeWindow.From"/> when it is not on a bucket boundary).</summary>
    public required TimeWindow Window { get; init; }

    /// <summary>The bucket width: one hour or one day.</summary>
    public required TimeSpan BucketWidth { get; init; }

    /// <summary>All the traffic (to <see cref="Receiver"/>, from <see cref="SendingIp"/> when set).</summary>
    public required RateSeries Total { get; init; }

    /// <summary>True when one series per sending IP was asked for (even if no attempt recorded its IP).</summary>
    public bool SplitBySendingIp { get; init; }

    /// <summary>One series per sending IP, most attempts first (empty unless split by IP was asked); at most <see cref="TimelineRequest.MaxSendingIps"/>.</summary>
    public IReadOnlyList<RateSeries> BySendingIp { get; init; } = [];

    /// <summary>Sending IPs with traffic that were left out of <see cref="BySendingIp"/> (beyond the most active).</summary>
    public int OtherSendingIps { get; init; }

    /// <summary>True when no bucket has an attempt or a message.</summary>
    public bool IsEmpty => Total.Buckets.All(b => b.Attempts == 0 && b.Messages.Total == 0);
}
