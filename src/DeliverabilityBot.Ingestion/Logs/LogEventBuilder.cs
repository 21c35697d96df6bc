using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Turns what a log reader read (<see cref="LogAttempt"/>) into an event the same way for every format: the log's source
/// and the next position in it, lower-cased recipient and domains, <see cref="EvidenceKind.LogLine"/>, the format's name,
/// and for an expiry the queue's stage, a 5.4.7 status when the record has none, and the <c>expired</c> hint the store
/// counts expiries by. The attempt is tracked in the log's state (pending deferrals per message).
/// </summary>
public static class LogEventBuilder
{
    private static readonly EnhancedStatusCode Expiry = new(5, 4, 7);

    /// <summary>The event for <paramref name="a"/>, read by the reader of <paramref name="format"/> from the log of <paramref name="context"/>.</summary>
    public static BounceEvent Build(LogContext context, string format, LogAttempt a)
    {
        var recipient = Addresses.Normalize(a.Recipient);
        var sender = Addresses.Normalize(a.Sender);
        var hints = a.Hints;
        if (a.Expired)
        {
            var withExpiry = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["expired"] = "true" };
            foreach (var (k, v) in a.Hints ?? new Dictionary<string, string>()) withExpiry[k] = v;
            hints = withExpiry;
        }
        var e = new BounceEvent
        {
            Source = context.Source,
            Index = context.NextIndex(),
            Recipient = recipient,
            RecipientDomain = Addresses.DomainOf(recipient)?.ToLowerInvariant(),
            Sender = sender,
            SenderDomain = Addresses.DomainOf(sender),
            RemoteHost = a.RemoteHost is { Length: > 0 } host ? host.TrimEnd('.').ToLowerInvariant() : null,
            RemoteIp = a.RemoteIp is { Length: > 0 } ip ? ip : null,
            SendingIp = a.SendingIp is { Length: > 0 } sip ? sip : null,
            Stream = a.Stream is { Length: > 0 } stream ? stream : null,
            Stage = a.Expired ? SmtpStage.SenderQueue : a.Stage,
            Action = a.Action,
            Reply = a.Reply,
            DsnStatus = a.DsnStatus is { } dsn && !dsn.Equals(a.Reply.Status) ? dsn : a.Expired && a.Reply.Status is null ? Expiry : null,
            Timestamp = a.Timestamp,
            MessageId = a.MessageId is { Length: > 0 } id ? id : null,
            HeaderMessageId = MessageIds.Normalize(a.HeaderMessageId),
            Kind = EvidenceKind.LogLine,
            SourceFormat = format,
            Hints = hints ?? EmptyHints,
        };
        context.Track(e);
        return e;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyHints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
