namespace DeliverabilityBot.Core.Classification;

/// <summary>Which family a rule belongs to: a receiver, a filter, the sender's own MTA, or the generic standards fallback.</summary>
public enum RuleScope
{
    /// <summary>A mailbox provider's own reply (iCloud, Gmail, ...).</summary>
    Receiver,

    /// <summary>A filter or blocklist named in the reply (Proofpoint, Spamhaus, ...).</summary>
    Filter,

    /// <summary>The sender's own MTA or ESP (queue expiry, suppression).</summary>
    Sender,

    /// <summary>RFC 3463 / RFC 5321 class-level fallback.</summary>
    Generic,
}
