using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// What a log record says about one attempt to one recipient, before it becomes an event: a reader fills what its format
/// records and <see cref="LogEventBuilder"/> adds what every log event has (source, position, domains, kind, format,
/// the expiry conventions).
/// </summary>
public sealed record LogAttempt
{
    /// <summary>The recipient (any case; normalised by the builder).</summary>
    public string? Recipient { get; init; }

    /// <summary>The envelope sender.</summary>
    public string? Sender { get; init; }

    /// <summary>The outcome.</summary>
    public DeliveryAction Action { get; init; }

    /// <summary>The remote reply, or <see cref="SmtpReply.Empty"/>.</summary>
    public SmtpReply Reply { get; init; } = SmtpReply.Empty;

    /// <summary>The DSN status when the format records it apart from the reply.</summary>
    public EnhancedStatusCode? DsnStatus { get; init; }

    /// <summary>The SMTP stage of the reply.</summary>
    public SmtpStage Stage { get; init; }

    /// <summary>The queue gave up (lifetime exceeded): a failure decided by the sender's queue, not a reply.</summary>
    public bool Expired { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The remote MTA's name.</summary>
    public string? RemoteHost { get; init; }

    /// <summary>The remote MTA's IP.</summary>
    public string? RemoteIp { get; init; }

    /// <summary>Our sending IP.</summary>
    public string? SendingIp { get; init; }

    /// <summary>The sending stream (a pool, a virtual MTA).</summary>
    public string? Stream { get; init; }

    /// <summary>The MTA's id of the message (queue or spool id).</summary>
    public string? MessageId { get; init; }

    /// <summary>The message's <c>Message-ID</c> header.</summary>
    public string? HeaderMessageId { get; init; }

    /// <summary>Format-specific facts worth keeping (pool, virtual MTA, queue, the MTA's own bounce category).</summary>
    public IReadOnlyDictionary<string, string>? Hints { get; init; }
}
