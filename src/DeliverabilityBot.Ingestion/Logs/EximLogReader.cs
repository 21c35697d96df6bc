using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Core.Text;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Exim main log lines: <c>**</c> failed, <c>==</c> deferred, <c>=&gt;</c> / <c>-&gt;</c> delivered (with the
/// confirmation in <c>C="..."</c>), <c>&lt;=</c> arrival (the sender is remembered). The remote reply follows
/// <c>SMTP error from remote mail server after RCPT TO:&lt;r&gt;:</c>. Our sending IP is the local interface Exim
/// writes as <c>I=[ip]:port</c> on delivery lines (log selector <c>+outgoing_interface</c>); on an arrival line the
/// same field is the interface the message came in on, so it is not read there.
/// </summary>
public sealed partial class EximLogReader : ILogLineReader
{
    /// <inheritdoc />
    public string Format => "exim";

    /// <inheritdoc />
    public bool TryRead(string line, LogContext context, List<BounceEvent> events)
    {
        var m = Line().Match(line);
        if (!m.Success) return false;
        var id = m.Groups["id"].Value;
        var flag = m.Groups["flag"].Value;
        var rest = m.Groups["rest"].Value;
        if (flag == "<=")
        {
            var from = Addresses.Normalize(m.Groups["rcpt"].Value);
            if (from is not null) context.SetSender(id, from);
            if (ArrivalMessageId().Match(rest) is { Success: true } mid) context.SetMessageId(id, MessageIds.Normalize(mid.Groups["mid"].Value));
            return true;
        }

        var (reply, stage) = ReplyOf(flag, rest);
        var hostMatch = Host().Match(rest);
        events.Add(LogEventBuilder.Build(context, Format, new LogAttempt
        {
            Recipient = m.Groups["rcpt"].Value,
            Sender = context.SenderOf(id),
            RemoteHost = hostMatch.Success ? hostMatch.Groups["host"].Value : null,
            RemoteIp = hostMatch.Success ? hostMatch.Groups["ip"].Value : null,
            SendingIp = Interface().Match(rest) is { Success: true } local ? local.Groups["ip"].Value : null,
            Stage = stage,
            Action = flag switch { "**" => DeliveryAction.Failed, "==" => DeliveryAction.Delayed, _ => DeliveryAction.Delivered },
            Reply = reply,
            // The queue gave up: the builder adds the queue's stage, a 5.4.7 status when the line has none, and the expiry hint.
            Expired = flag == "**" && IgnoreCaseSearch.Contains(rest, "retry timeout exceeded"),
            Timestamp = LogTimestamp.Read(line, context.ReferenceYear),
            MessageId = id,
            HeaderMessageId = context.MessageIdOf(id),
        }));
        return true;
    }

    private static (SmtpReply Reply, SmtpStage Stage) ReplyOf(string flag, string rest)
    {
        if (flag is "=>" or "->" or "*>")
        {
            var c = Confirmation().Match(rest);
            return (c.Success ? SmtpReply.Parse(c.Groups["c"].Value) : SmtpReply.Empty, SmtpStage.EndOfData);
        }
        var err = SmtpError().Match(rest);
        if (err.Success) return (SmtpReply.Parse(err.Groups["reply"].Value), StageDetector.FromCommand(err.Groups["cmd"].Value));
        // "R=x T=y: retry timeout exceeded", "defer (-44): ...", "Unrouteable address": the MTA's own words.
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        var text = colon >= 0 ? rest[(colon + 2)..] : rest;
        return (SmtpReply.Parse(text), StageDetector.Detect(rest));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?: [+-]\d{4})? (?:\[\d+\] )?(?<id>[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) (?<flag>\*\*|==|=>|->|\*>|<=) (?<rcpt>\S+)(?: <[^>]*>)?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    // The arrival line's "id=<message-id>" (Exim logs the Message-ID header there by default).
    [GeneratedRegex(@"(?:^|\s)id=(?<mid>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex ArrivalMessageId();

    [GeneratedRegex(@"SMTP error from remote (?:mail server|mailer) after (?<cmd>RCPT TO|MAIL FROM|end of data|DATA|EHLO|HELO|initial connection|pipelined [A-Z ]+?)(?::?<[^>]*>)?:\s*(?<reply>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SmtpError();

    [GeneratedRegex(@"\bH=(?<host>[^\s\[]+)(?: \[(?<ip>[0-9a-fA-F:.]+)\])?", RegexOptions.CultureInvariant)]
    private static partial Regex Host();

    [GeneratedRegex(@"(?:^|\s)I=\[(?<ip>[0-9a-fA-F:.]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Interface();

    [GeneratedRegex(@"\bC=""(?<c>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Confirmation();
}
