using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Core.Events;

/// <summary>
/// One delivery attempt to one recipient, as read from any evidence (pasted reply, DSN, MTA log, ESP event).
/// Delivered attempts are events too, so rates have denominators.
/// </summary>
/// <remarks>A sealed class with reference equality: NRules rejects structurally equal facts inserted twice.</remarks>
public sealed class BounceEvent
{
    /// <summary>Where the event was read from: a path, <c>-</c> for stdin, or <c>text</c> for a pasted reply.</summary>
    public string Source { get; init; } = "text";

    /// <summary>1-based position of this recipient/attempt within <see cref="Source"/> (within the message for mbox).</summary>
    public int Index { get; init; } = 1;

    /// <summary>1-based position of the message within an mbox, else null.</summary>
    public int? MessageIndex { get; init; }

    /// <summary>The recipient address, lower-cased, or null when unknown.</summary>
    public string? Recipient { get; init; }

    /// <summary>The recipient's domain, lower-cased (from the address, or given alone with <c>--to DOMAIN</c>).</summary>
    public string? RecipientDomain { get; init; }

    /// <summary>The envelope sender, when known.</summary>
    public string? Sender { get; init; }

    /// <summary>The envelope sender's domain, when known.</summary>
    public string? SenderDomain { get; init; }

    /// <summary>The remote MTA that answered (e.g. <c>mx01.mail.icloud.com</c>), when known.</summary>
    public string? RemoteHost { get; init; }

    /// <summary>The remote MTA's IP, when known.</summary>
    public string? RemoteIp { get; init; }

    /// <summary>Our own sending IP, when known (from logs or the ESP).</summary>
    public string? SendingIp { get; init; }

    /// <summary>The reporting MTA of a DSN, when known.</summary>
    public string? ReportingMta { get; init; }

    /// <summary>The SMTP stage of the reply.</summary>
    public SmtpStage Stage { get; init; } = SmtpStage.Unknown;

    /// <summary>The outcome of this attempt.</summary>
    public DeliveryAction Action { get; init; } = DeliveryAction.Failed;

    /// <summary>The remote reply (or the sender's own diagnostic); <see cref="SmtpReply.Empty"/> when none.</summary>
    public SmtpReply Reply { get; init; } = SmtpReply.Empty;

    /// <summary>The DSN <c>Status</c> field when it differs from the reply's enhanced code, else null.</summary>
    public EnhancedStatusCode? DsnStatus { get; init; }

    /// <summary>When the attempt happened, when known.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The MTA queue id or message id that ties attempts of one message together, when known.</summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// The message's <c>Message-ID</c> header (as written, angle brackets included), when known: from Postfix cleanup's
    /// <c>message-id=</c>, Exim's <c>id=</c>, or a DSN's returned headers. Joins evidence of one message that shares no queue id.
    /// </summary>
    public string? HeaderMessageId { get; init; }

    /// <summary>The sending stream (transactional, marketing, a Postfix instance or transport name), when known.</summary>
    public string? Stream { get; init; }

    /// <summary>What kind of evidence this came from, which decides some reasons before any text rule.</summary>
    public EvidenceKind Kind { get; init; } = EvidenceKind.Reply;

    /// <summary>The sending MTA or format that produced the evidence (e.g. <c>postfix</c>, <c>exim</c>, <c>rfc3464</c>), when known.</summary>
    public string? SourceFormat { get; init; }

    /// <summary>Extra header-derived hints (e.g. ARF <c>Feedback-Type</c>), keyed case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Hints { get; init; } = EmptyHints;

    private static readonly IReadOnlyDictionary<string, string> EmptyHints =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
