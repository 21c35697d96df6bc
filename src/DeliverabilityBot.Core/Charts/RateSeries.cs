namespace DeliverabilityBot.Core.Charts;

/// <summary>
/// The buckets of one line of traffic, oldest first and without holes (a bucket without traffic is present and empty):
/// all our traffic to a receiver, or one sending IP's.
/// </summary>
/// <param name="Key">What the series is: a receiver id (or <c>all</c>) for the total, the sending IP for a per-IP series.</param>
/// <param name="Buckets">One bucket per hour or day of the window.</param>
public sealed record RateSeries(string Key, IReadOnlyList<RateBucket> Buckets)
{
    /// <summary>Attempts over every bucket.</summary>
    public long Attempts => Buckets.Sum(b => b.Attempts);

    /// <summary>Every bucket added up (starting at the first bucket's start).</summary>
    public RateBucket Total => Buckets.Count == 0 ? RateBucket.Empty(DateTimeOffset.UnixEpoch) : Buckets.Skip(1).Aggregate(Buckets[0], (sum, b) => sum.Plus(b));
}
