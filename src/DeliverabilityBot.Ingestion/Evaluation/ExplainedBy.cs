namespace DeliverabilityBot.Ingestion.Evaluation;

/// <summary>
/// The most specific kind of rule that explained a bounce, from most to least specific. Issue #4 counts the first
/// three as "explained by a receiver, filter or sender rule"; the last two are the generic families.
/// </summary>
public enum ExplainedBy
{
    /// <summary>A mailbox provider's own rule (iCloud, Gmail, ...).</summary>
    ReceiverRule,

    /// <summary>A filter or blocklist rule (Proofpoint, Spamhaus, ...).</summary>
    FilterRule,

    /// <summary>A sender-side rule (queue expiry, the sender's own MTA).</summary>
    SenderRule,

    /// <summary>A generic rule that matched the reply's wording (the MTA phrasings of one reason), not only its codes.</summary>
    ReplyTextRule,

    /// <summary>Only the RFC 3463 / RFC 5321 code fallback: the reply and status codes, nothing about the wording.</summary>
    CodeOnly,
}
