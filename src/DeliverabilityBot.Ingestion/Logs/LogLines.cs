using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// One log being read a line at a time (<see cref="MtaLogParser.Start"/>): the readers and the state the log's lines
/// share (senders and pending deferrals per queue id, event numbering). Not thread-safe.
/// </summary>
public sealed class LogLines
{
    private readonly IReadOnlyList<ILogLineReader> _readers;

    internal LogLines(IReadOnlyList<ILogLineReader> readers, LogContext context)
    {
        _readers = readers;
        Context = context;
    }

    /// <summary>The state shared by the log's lines.</summary>
    public LogContext Context { get; }

    /// <summary>Reads one line (without its terminator), appending its events, if any, to <paramref name="events"/>.</summary>
    public void Read(string line, List<BounceEvent> events)
    {
        if (line.Length == 0) return;
        foreach (var r in _readers)
            if (r.TryRead(line, Context, events)) return;
    }
}
