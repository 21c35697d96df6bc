using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Sending;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Reads MTA log lines (Postfix, Exim, sendmail, KumoMTA JSON records, PowerMTA accounting CSV, mixed) into events, delivered attempts included, numbered 1.. in
/// order. Lines no reader knows are skipped: a log holds far more than deliveries.
/// </summary>
public sealed class MtaLogParser
{
    private static readonly ILogLineReader[] DefaultReaders = [new PostfixLogReader(), new EximLogReader(), new SendmailLogReader(), new KumoMtaLogReader(), new PowerMtaAccountingReader()];
    private readonly IReadOnlyList<ILogLineReader> _readers;
    private readonly SendingMap? _sending;

    /// <summary>Creates a parser with the given readers (default: Postfix, Exim, sendmail, KumoMTA, PowerMTA) and the deployment's sending IPs, if any.</summary>
    public MtaLogParser(IReadOnlyList<ILogLineReader>? readers = null, SendingMap? sending = null)
    {
        _readers = readers ?? DefaultReaders;
        _sending = sending;
    }

    /// <summary>True when <paramref name="line"/> is a line one of the readers understands as a delivery or queue line.</summary>
    public static bool LooksLikeLogLine(string line)
    {
        var probe = new List<BounceEvent>();
        var context = new LogContext("probe", 2000);
        foreach (var r in DefaultReaders)
            if (r.TryRead(line, context, probe)) return true;
        return false;
    }

    /// <summary>Parses the lines of one log.</summary>
    /// <param name="lines">The lines (without line terminators).</param>
    /// <param name="source">The source put on every event.</param>
    /// <param name="referenceYear">The year for syslog timestamps (default: the current UTC year).</param>
    public IEnumerable<BounceEvent> Parse(IEnumerable<string> lines, string source, int? referenceYear = null)
    {
        var log = Start(source, referenceYear);
        var buffer = new List<BounceEvent>(4);
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            buffer.Clear();
            log.Read(line, buffer);
            foreach (var e in buffer) yield return e;
        }
    }

    /// <summary>
    /// Starts reading one log a line at a time, for a caller that is handed lines as they come (a followed file, syslog,
    /// journald) rather than an enumeration: the same readers and state as <see cref="Parse"/>.
    /// </summary>
    public LogLines Start(string source, int? referenceYear = null) =>
        new(_readers, new LogContext(source, referenceYear ?? DateTime.UtcNow.Year, sending: _sending));
}
