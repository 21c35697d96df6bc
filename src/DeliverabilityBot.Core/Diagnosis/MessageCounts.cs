namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>
/// Messages (one per recipient of a queued message) by final outcome: the denominator a Postfix engineer counting the
/// log by hand gets. <see cref="Affected"/> is every message that was not simply delivered at the first try: bounced,
/// expired, pending, or delivered after at least one deferral.
/// </summary>
public sealed record MessageCounts(long Total, long Delivered, long Bounced, long Expired, long Pending, long Affected)
{
    /// <summary>No messages.</summary>
    public static MessageCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Affected messages as a share of all, 0 when there are none.</summary>
    public double AffectedShare => Total == 0 ? 0 : (double)Affected / Total;
}
