namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>A Postfix SMTP client service (a master.cf line running <c>smtp</c>) and where its mail leaves from.</summary>
/// <param name="Transport">The service name, which is the transport name (<c>smtp</c>, <c>relay</c>, <c>icloud</c>).</param>
/// <param name="SyslogName">The syslog name its lines carry (<c>postfix</c>, <c>postfix-out2</c>, <c>postfix/icloud</c>).</param>
/// <param name="Route">Its source addresses; empty when the system chooses.</param>
/// <param name="File">The master.cf (or main.cf) that defines it.</param>
/// <param name="Line">The line of its definition.</param>
public sealed record PostfixSmtpService(string Transport, string SyslogName, SendingRoute Route, string File, int Line);
