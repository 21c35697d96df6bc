using DeliverabilityBot.Core.Events;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Turns one email into bounce events: a complaint report (ARF), an RFC 3464 DSN, one of the non-standard
/// bounce formats, or an auto-reply. A message that is none of these yields no event.
/// </summary>
public static class BounceMessageReader
{
    /// <summary>Reads <paramref name="message"/>; events are numbered 1.. within it. The caller still owns (and disposes) the message.</summary>
    /// <param name="message">The parsed email.</param>
    /// <param name="source">The source put on every event.</param>
    /// <param name="messageIndex">The message's position in an mbox, else null.</param>
    public static IReadOnlyList<BounceEvent> Read(MimeMessage message, string source, int? messageIndex = null)
    {
        var events = ReadRepaired(message, source, lookInside: true);
        if (messageIndex is null) return events;
        return [.. events.Select(e => Evidence.EventCopy.With(e, messageIndex: messageIndex))];
    }

    /// <summary>Reads <paramref name="message"/>, or its repaired copy (disposed here: MimeKit entities have finalizers).</summary>
    private static IReadOnlyList<BounceEvent> ReadRepaired(MimeMessage message, string source, bool lookInside)
    {
        var repaired = BoundaryRepair.Repair(message, IngestionLimits.Default.ParserOptions);
        try
        {
            return ReadEvents(new BounceMessage(repaired), source, lookInside);
        }
        finally
        {
            if (!ReferenceEquals(repaired, message)) repaired.Dispose();
        }
    }

    private static IReadOnlyList<BounceEvent> ReadEvents(BounceMessage m, string source, bool lookInside = true)
    {
        foreach (var reader in BounceReaders.InOrder)
        {
            var events = reader.Read(m, source);
            if (events.Count == 0) continue;
            // A gateway that forwards a bounce wraps it: its own notice names no reply, the attached DSN does.
            if (lookInside && events.All(SaysNothing) && AttachedReport(m.Message) is { } inner)
            {
                var nested = ReadRepaired(inner, source, lookInside: false);
                if (nested.Count > 0 && !nested.All(SaysNothing)) return nested;
            }
            return WithOriginalMessageId(events, m);
        }
        return [];
    }

    // The returned message's Message-ID joins a report to the log lines of the message it reports on.
    private static IReadOnlyList<BounceEvent> WithOriginalMessageId(IReadOnlyList<BounceEvent> events, BounceMessage m)
    {
        if (!events.Any(e => e.Kind == EvidenceKind.Reply && e.HeaderMessageId is null)) return events;
        if (Evidence.MessageIds.Normalize(m.OriginalHeaders?["Message-ID"]) is not { } id) return events;
        return [.. events.Select(e => e.Kind == EvidenceKind.Reply && e.HeaderMessageId is null ? Evidence.EventCopy.With(e, headerMessageId: id) : e)];
    }

    private static bool SaysNothing(BounceEvent e) =>
        e.Kind == EvidenceKind.Reply && e.Reply.Code is null && e.Reply.Status is null && e.DsnStatus is null;

    /// <summary>An attached message that is itself a delivery report (one level deep only).</summary>
    private static MimeMessage? AttachedReport(MimeMessage message)
    {
        foreach (var part in message.BodyParts.Concat(message.Attachments))
            if (part is MessagePart { Message: { } attached } && IsDeliveryReport(attached.Body?.ContentType)) return attached;
        return null;
    }

    private static bool IsDeliveryReport(ContentType? type) =>
        type is not null && type.IsMimeType("multipart", "report")
        && (type.Parameters["report-type"] ?? string.Empty).Contains("delivery-status", StringComparison.OrdinalIgnoreCase);
}
