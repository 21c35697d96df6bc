using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>One way of reading bounce events out of an email (ARF, RFC 3464, a vendor's text format, ...).</summary>
public interface IBounceReader
{
    /// <summary>The format name put in <see cref="BounceEvent.SourceFormat"/>.</summary>
    string Name { get; }

    /// <summary>The events this reader finds, numbered 1..; empty when the message is not in its format.</summary>
    IReadOnlyList<BounceEvent> Read(BounceMessage message, string source);
}
