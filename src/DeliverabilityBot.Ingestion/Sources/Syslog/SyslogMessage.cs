namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>One syslog message as received (RFC 3164 or RFC 5424), the parts an MTA log line is rebuilt from.</summary>
/// <param name="Facility">The facility (0-23; mail is 2).</param>
/// <param name="Severity">The severity (0 emergency .. 7 debug).</param>
/// <param name="Timestamp">When the sender says it happened, or the receipt time when it says nothing readable.</param>
/// <param name="Host">The sender's host name, or <c>-</c> when it gave none.</param>
/// <param name="AppName">The program (RFC 3164 TAG, RFC 5424 APP-NAME: <c>postfix/smtp</c>, <c>exim</c>), empty when absent.</param>
/// <param name="ProcId">The process id as written, empty when absent.</param>
/// <param name="Text">The free-form message (MSG), without a leading byte order mark.</param>
public sealed record SyslogMessage(int Facility, int Severity, DateTimeOffset Timestamp, string Host, string AppName, string ProcId, string Text);
