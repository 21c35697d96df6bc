namespace DeliverabilityBot.Conversation;

/// <summary>Settings of the conversation core (configuration section <c>Chat</c>).</summary>
public sealed class ChatBotOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Chat";

    /// <summary>A conversation idle this long starts afresh (follow-ups no longer refer to it). Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When the newest stored event is older than this, time ranges are anchored to it instead of the clock, so
    /// "last 24 hours" on yesterday's log still means that log's last day. Default 1 hour.
    /// </summary>
    public TimeSpan AnchorToDataAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long our MTA keeps retrying a deferred message before it expires (Postfix <c>maximal_queue_lifetime</c>, default
    /// 5 days): the timeline answer says when deferred mail will expire. Default 5 days.
    /// </summary>
    public TimeSpan QueueLifetime { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Our company's name, for escalation drafts (<c>Chat:Company</c>); null leaves a placeholder to fill.</summary>
    public string? Company { get; set; }

    /// <summary>Our main sending domain, for escalation drafts (<c>Chat:SendingDomain</c>); null takes the busiest sender domain in the evidence.</summary>
    public string? SendingDomain { get; set; }

    /// <summary>Validates the settings; throws naming the bad one.</summary>
    public void Validate()
    {
        if (IdleTimeout <= TimeSpan.Zero) throw new ArgumentException($"{Section}:{nameof(IdleTimeout)} must be positive (was {IdleTimeout}).");
        if (QueueLifetime <= TimeSpan.Zero) throw new ArgumentException($"{Section}:{nameof(QueueLifetime)} must be positive (was {QueueLifetime}).");
        if (AnchorToDataAfter < TimeSpan.Zero) throw new ArgumentException($"{Section}:{nameof(AnchorToDataAfter)} must not be negative (was {AnchorToDataAfter}).");
    }
}
