using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Core.Charts;

/// <summary>
/// One time bucket of a rate chart (an hour or a UTC day): the attempts made in it by outcome, and the messages first
/// seen in it by final outcome. Rates are shares of the bucket's own attempts or messages; a bucket without traffic has
/// no rate (null), which a chart draws as a gap rather than as 0%.
/// </summary>
/// <param name="Start">The bucket's first instant, UTC.</param>
/// <param name="Attempts">Delivery attempts in the bucket.</param>
/// <param name="Delivered">Attempts delivered (or relayed).</param>
/// <param name="Deferred">Attempts deferred (4xx, retried later).</param>
/// <param name="Bounced">Attempts rejected for good (5xx, or given up).</param>
/// <param name="Messages">Messages first seen in the bucket, by final outcome.</param>
public sealed record RateBucket(DateTimeOffset Start, long Attempts, long Delivered, long Deferred, long Bounced, MessageCounts Messages)
{
    /// <summary>An empty bucket starting at <paramref name="start"/>.</summary>
    public static RateBucket Empty(DateTimeOffset start) => new(start, 0, 0, 0, 0, MessageCounts.None);

    /// <summary>Deferred attempts as a percentage of the bucket's attempts; null without attempts.</summary>
    public double? DeferredPercent => Percent(Deferred, Attempts);

    /// <summary>Bounced attempts as a percentage of the bucket's attempts; null without attempts.</summary>
    public double? BouncedPercent => Percent(Bounced, Attempts);

    /// <summary>
    /// Messages delayed but not lost: delivered after at least one deferral, or still queued (pending). Counted from the
    /// message's final outcome: a message that was deferred and then bounced counts as bounced.
    /// </summary>
    public long DelayedMessages => Math.Max(0, Messages.Affected - Messages.Bounced - Messages.Expired);

    /// <summary>Messages not delivered: bounced, or expired from the queue after deferrals.</summary>
    public long FailedMessages => Messages.Bounced + Messages.Expired;

    /// <summary>Delayed messages as a percentage of the bucket's messages; null without messages.</summary>
    public double? DelayedMessagesPercent => Percent(DelayedMessages, Messages.Total);

    /// <summary>Bounced or expired messages as a percentage of the bucket's messages; null without messages.</summary>
    public double? FailedMessagesPercent => Percent(FailedMessages, Messages.Total);

    /// <summary>This bucket plus <paramref name="other"/> (same start kept).</summary>
    public RateBucket Plus(RateBucket other) => new(Start, Attempts + other.Attempts, Delivered + other.Delivered, Deferred + other.Deferred,
        Bounced + other.Bounced, Add(Messages, other.Messages));

    /// <summary>The sum of two message counts.</summary>
    public static MessageCounts Add(MessageCounts a, MessageCounts b) => new(a.Total + b.Total, a.Delivered + b.Delivered, a.Bounced + b.Bounced,
        a.Expired + b.Expired, a.Pending + b.Pending, a.Affected + b.Affected);

    private static double? Percent(long part, long whole) => whole == 0 ? null : 100.0 * part / whole;
}
