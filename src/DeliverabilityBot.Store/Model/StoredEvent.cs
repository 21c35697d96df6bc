using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Store.Model;

/// <summary>
/// One classified attempt as the store keeps it: the event's envelope and reply plus the classifier's
/// merged conclusions. Ingest builds it with <c>StoredEventMapper</c> (Application).
/// </summary>
public sealed class StoredEvent
{
    /// <summary>When the attempt happened (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>True when the evidence had no time and the ingestion time stands in.</summary>
    public bool TimestampEstimated { get; init; }

    /// <summary>Outcome of the attempt.</summary>
    public DeliveryAction Action { get; init; }

    /// <summary>SMTP stage of the reply.</summary>
    public SmtpStage Stage { get; init; }

    /// <summary>Kind of evidence.</summary>
    public EvidenceKind Kind { get; init; }

    /// <summary>Recipient address, lower-cased.</summary>
    public string? Recipient { get; init; }

    /// <summary>Recipient domain.</summary>
    public string? RecipientDomain { get; init; }

    /// <summary>Receiver id (classifier's merged conclusion).</summary>
    public string Receiver { get; init; } = "unknown";

    /// <summary>Sisimai reason (<c>delivered</c> for delivered attempts).</summary>
    public string Reason { get; init; } = "undefined";

    /// <summary>Diagnosis category of the primary finding (<c>none</c> when no rule matched).</summary>
    public string Category { get; init; } = "none";

    /// <summary>Filter id, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>Rule ids that fired, primary first.</summary>
    public IReadOnlyList<string> RuleIds { get; init; } = [];

    /// <summary>Remote MTA host.</summary>
    public string? RemoteHost { get; init; }

    /// <summary>Remote MTA IP.</summary>
    public string? RemoteIp { get; init; }

    /// <summary>Our sending IP.</summary>
    public string? SendingIp { get; init; }

    /// <summary>Envelope sender domain.</summary>
    public string? SenderDomain { get; init; }

    /// <summary>SMTP reply code.</summary>
    public int? ReplyCode { get; init; }

    /// <summary>The reply as received (raw).</summary>
    public string Reply { get; init; } = string.Empty;

    /// <summary>Queue id or message id tying attempts of one message together.</summary>
    public string? MessageId { get; init; }

    /// <summary>The message's <c>Message-ID</c> header, when known (joins evidence without a shared queue id).</summary>
    public string? HeaderMessageId { get; init; }

    /// <summary>The sending stream, when known.</summary>
    public string? Stream { get; init; }

    /// <summary>For a failed attempt: the sending queue gave up after deferrals (the message expired) rather than the receiver refusing it.</summary>
    public bool QueueExpired { get; init; }

    /// <summary>Where it was read from.</summary>
    public string Source { get; init; } = "text";

    /// <summary>Position within the source (used in the identity only when the event has no time or message id).</summary>
    public int Index { get; init; }

    /// <summary>Classifier's hard-bounce conclusion.</summary>
    public bool HardBounce { get; init; }

    /// <summary>Classifier's retryable conclusion.</summary>
    public bool Retryable { get; init; }
}
