namespace DeliverabilityBot.Core.Events;

/// <summary>What happened to one delivery attempt (RFC 3464 <c>Action</c>, plus log outcomes).</summary>
public enum DeliveryAction
{
    /// <summary>Permanently failed (bounced, or expired in the sender's queue).</summary>
    Failed,

    /// <summary>Deferred: the sender will retry.</summary>
    Delayed,

    /// <summary>Accepted by the receiver.</summary>
    Delivered,

    /// <summary>Relayed to a system that does not return DSNs.</summary>
    Relayed,

    /// <summary>Expanded to several recipients (alias, list).</summary>
    Expanded,
}
