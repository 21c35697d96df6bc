using System.Globalization;

namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>
/// Rebuilds the line an MTA would have written to its log file from a message that came through syslog or journald,
/// recognising the MTA by its program name, so the log readers (<see cref="Logs.MtaLogParser"/>) read it as they read
/// a file: Postfix (<c>postfix/smtp</c>, <c>postfix-out/qmgr</c>) and sendmail as <c>TIME HOST PROGRAM[PID]: MSG</c>,
/// Exim as its own main log line (<c>yyyy-MM-dd HH:mm:ss MSG</c>, the time added when <c>syslog_timestamp</c> is off),
/// KumoMTA's JSON records as they are.
/// </summary>
public static class ProgramLine
{
    /// <summary>The log line for a message from <paramref name="app"/> on <paramref name="host"/>.</summary>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="host">The host, <c>-</c> when unknown.</param>
    /// <param name="app">The program name (syslog tag, journald <c>SYSLOG_IDENTIFIER</c>).</param>
    /// <param name="procId">The process id, empty when unknown.</param>
    /// <param name="text">The message.</param>
    public static string Build(DateTimeOffset timestamp, string host, string app, string procId, string text)
    {
        if (IsExim(app))
        {
            // Exim's lines start with their own time unless syslog_timestamp is false.
            if (text.Length >= 19 && char.IsAsciiDigit(text[0]) && text[4] == '-') return text;
            return timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + text;
        }
        if (text.StartsWith('{')) return text; // a JSON log record (KumoMTA) sent as it was written
        // The Postfix and sendmail readers want "program[pid]:": a message without a pid gets 0.
        var pid = procId.Length > 0 && procId.All(char.IsAsciiDigit) ? procId : "0";
        var program = app.Length > 0 ? app : "-";
        return string.Create(CultureInfo.InvariantCulture, $"{timestamp:yyyy-MM-ddTHH:mm:ss.ffffffzzz} {host} {program}[{pid}]: {text}");
    }

    private static bool IsExim(string app) => app.StartsWith("exim", StringComparison.OrdinalIgnoreCase);
}
