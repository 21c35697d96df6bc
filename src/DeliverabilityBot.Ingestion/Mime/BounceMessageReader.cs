using DeliverabilityBot.Core.Events;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Turns one email into bounce events: a complaint report (ARF), an RFC 3464 DSN, one of the non-standard
/// bounce formats, or an auto-reply. A message that is none of these yields no event.
/// </summary>
public static class BounceMessageReader
{
    /// <summary>Reads <paramref name="message"/>; events are numbered 1.. within it.</summary>
    /// <param name="message">The parsed email.</param>
    /// <param name="source">The source put on every event.</param>
    /// <param name="messageIndex">The message's position in an mbox, else null.</param>
    public static IReadOnlyList<BounceEvent> Read(MimeMessage message, string source, int? messageIndex = null)
    {
        var events = ReadEvents(new BounceMessage(BoundaryRepair.Repair(message, IngestionLimits.Default.ParserOptions)), source);
        if (messageIndex is null) return events;
        return [.. events.Select(e => Evidence.EventCopy.With(e, messageIndex: messageIndex))];
    }

    private static IReadOnlyList<BounceEvent> ReadEvents(BounceMessage m, string source)
    {
        foreach (var reader in BounceReaders.InOrder)
        {
            var events = reader.Read(m, source);
            if (events.Count > 0) return events;
        }
        return [];
    }
}
