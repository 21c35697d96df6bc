namespace DeliverabilityBot.Core.Events;

/// <summary>
/// Where one message to one recipient ended up, from every piece of evidence about it (log lines, DSNs, ESP events).
/// Stored as its integer value: never renumber.
/// </summary>
public enum MessageOutcome
{
    /// <summary>Deferred and not yet delivered, bounced or expired (still queued, or its end was not seen).</summary>
    Pending = 0,

    /// <summary>Accepted by the receiver (or relayed, or expanded).</summary>
    Delivered = 1,

    /// <summary>Refused for good by the receiver (or by the sending MTA).</summary>
    Bounced = 2,

    /// <summary>Given up by the sending queue after deferrals (queue lifetime exceeded).</summary>
    Expired = 3,
}
