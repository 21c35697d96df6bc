namespace DeliverabilityBot.Core.Events;

/// <summary>The kind of evidence an event was read from.</summary>
public enum EvidenceKind
{
    /// <summary>A remote SMTP reply or DSN about a delivery attempt.</summary>
    Reply,

    /// <summary>An ARF complaint (feedback) report.</summary>
    Feedback,

    /// <summary>An auto-reply (vacation, out of office; RFC 3834).</summary>
    AutoReply,

    /// <summary>A line of an MTA log.</summary>
    LogLine,

    /// <summary>An ESP webhook event.</summary>
    EspEvent,
}
