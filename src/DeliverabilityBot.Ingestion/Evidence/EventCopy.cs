using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Evidence;

/// <summary>Copies a <see cref="BounceEvent"/> with a few fields replaced (it is a class with init-only properties, not a record).</summary>
public static class EventCopy
{
    /// <summary>A copy of <paramref name="e"/> with the given fields replaced where not null.</summary>
    public static BounceEvent With(BounceEvent e, string? source = null, int? index = null, int? messageIndex = null,
        string? recipient = null, string? domain = null, string? headerMessageId = null) => new()
    {
        Source = source ?? e.Source,
        Index = index ?? e.Index,
        MessageIndex = messageIndex ?? e.MessageIndex,
        Recipient = recipient ?? e.Recipient,
        RecipientDomain = domain ?? e.RecipientDomain,
        Sender = e.Sender,
        SenderDomain = e.SenderDomain,
        RemoteHost = e.RemoteHost,
        RemoteIp = e.RemoteIp,
        SendingIp = e.SendingIp,
        ReportingMta = e.ReportingMta,
        Stage = e.Stage,
        Action = e.Action,
        Reply = e.Reply,
        DsnStatus = e.DsnStatus,
        Timestamp = e.Timestamp,
        MessageId = e.MessageId,
        HeaderMessageId = headerMessageId ?? e.HeaderMessageId,
        Stream = e.Stream,
        Kind = e.Kind,
        SourceFormat = e.SourceFormat,
        Hints = e.Hints,
    };
}
