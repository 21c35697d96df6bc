using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>Reads the lines of one MTA's log format. One implementation per MTA.</summary>
public interface ILogLineReader
{
    /// <summary>The format name put in <see cref="BounceEvent.SourceFormat"/> (e.g. <c>postfix</c>).</summary>
    string Format { get; }

    /// <summary>
    /// Reads <paramref name="line"/> when it belongs to this format: returns true and appends its events (zero or more);
    /// returns false when the line is not this MTA's.
    /// </summary>
    bool TryRead(string line, LogContext context, List<BounceEvent> events);
}
