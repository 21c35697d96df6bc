namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// What one ESP webhook event says about one recipient, before it becomes an event: each provider's reader fills what
/// its payload carries and <see cref="EspEventBuilder"/> turns it into the same message and attempt model as a log line.
/// </summary>
public sealed record EspAttempt
{
    /// <summary>The provider's id of this event (its dedupe key), unique within the provider.</summary>
    public required string EventId { get; init; }

    /// <summary>The provider's name for the event (<c>bounce</c>, <c>failed</c>, <c>MessageDelayed</c>).</summary>
    public required string EventName { get; init; }

    /// <summary>The outcome.</summary>
    public required EspStatus Status { get; init; }

    /// <summary>The recipient.</summary>
    public string? Recipient { get; init; }

    /// <summary>The envelope or From sender.</summary>
    public string? Sender { get; init; }

    /// <summary>The receiver's reply (SMTP text) as the provider relays it.</summary>
    public string? Reply { get; init; }

    /// <summary>The enhanced status code when the provider gives it apart from the reply (<c>5.1.1</c>).</summary>
    public string? EnhancedStatus { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Our sending IP.</summary>
    public string? SendingIp { get; init; }

    /// <summary>The MTA that reported it, as the provider names it (SES <c>reportingMTA</c>: <c>dsn; a27-30.smtp-out.us-west-2.amazonses.com</c>).</summary>
    public string? ReportingMta { get; init; }

    /// <summary>The remote MX host.</summary>
    public string? RemoteHost { get; init; }

    /// <summary>The remote MX IP.</summary>
    public string? RemoteIp { get; init; }

    /// <summary>The ESP's IP pool.</summary>
    public string? Pool { get; init; }

    /// <summary>The ESP's message stream or configuration set.</summary>
    public string? MessageStream { get; init; }

    /// <summary>Tags or categories, first first.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The ESP's id of the message.</summary>
    public string? MessageId { get; init; }

    /// <summary>The message's <c>Message-ID</c> header.</summary>
    public string? HeaderMessageId { get; init; }

    /// <summary>The ESP's own classification (SparkPost <c>bounce_class</c>, SES <c>bounceSubType</c>, SendGrid <c>bounce_classification</c>).</summary>
    public string? ProviderClass { get; init; }

    /// <summary>The complaint's feedback type, for <see cref="EspStatus.Complained"/>.</summary>
    public string? FeedbackType { get; init; }
}
