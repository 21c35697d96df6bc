using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// sendmail's per-delivery lines: <c>QUEUEID: to=&lt;a&gt;,&lt;b&gt;, ..., relay=mx. [ip], dsn=5.1.1, stat=User unknown</c>
/// (also <c>reply=</c> on newer versions). <c>stat=Sent</c> is a delivery, <c>stat=Deferred</c> a deferral,
/// anything else a failure. Each listed recipient becomes one event.
/// </summary>
public sealed partial class SendmailLogReader : ILogLineReader
{
    /// <inheritdoc />
    public string Format => "sendmail";

    /// <inheritdoc />
    public bool TryRead(string line, LogContext context, List<BounceEvent> events)
    {
        // Most lines of a mixed log are not sendmail's: two substring scans turn them away before the head regex.
        if (!line.Contains("sendmail", StringComparison.Ordinal) && !line.Contains("sm-m", StringComparison.Ordinal)) return false;
        var head = Head().Match(line);
        if (!head.Success) return false;
        var qid = head.Groups["qid"].Value;
        var rest = line[(head.Index + head.Length)..];
        if (From().Match(rest) is { Success: true } from)
        {
            if (Addresses.Normalize(from.Groups["from"].Value) is { } envelopeFrom) context.SetSender(qid, envelopeFrom);
            if (SendmailMessageId().Match(rest) is { Success: true } mid) context.SetMessageId(qid, MessageIds.Normalize(mid.Groups["mid"].Value));
            return true;
        }
        var m = Delivery().Match(rest);
        if (!m.Success) return true;

        var stat = m.Groups["stat"].Value.Trim();
        var replyField = ReplyField().Match(rest);
        var reply = SmtpReply.Parse(replyField.Success ? replyField.Groups["reply"].Value : StatText(stat));
        EnhancedStatusCode.TryParse(Dsn().Match(rest).Groups["dsn"].ValueSpan, out var dsn);
        var relay = Relay().Match(rest);
        var action = stat.StartsWith("Sent", StringComparison.OrdinalIgnoreCase) ? DeliveryAction.Delivered
            : stat.StartsWith("Deferred", StringComparison.OrdinalIgnoreCase) ? DeliveryAction.Delayed
            : DeliveryAction.Failed;
        var sender = context.SenderOf(qid);
        foreach (Match a in Addresses.AddressPattern().Matches(m.Groups["to"].Value))
        {
            var recipient = a.Value.ToLowerInvariant();
            var e = new BounceEvent
            {
                Source = context.Source,
                Index = context.NextIndex(),
                Recipient = recipient,
                RecipientDomain = Addresses.DomainOf(recipient),
                Sender = sender,
                SenderDomain = Addresses.DomainOf(sender),
                RemoteHost = relay.Success ? relay.Groups["host"].Value.TrimEnd('.').ToLowerInvariant() : null,
                RemoteIp = relay.Success && relay.Groups["ip"].Value.Length > 0 ? relay.Groups["ip"].Value : null,
                Stage = StageDetector.Detect(stat),
                Action = action,
                Reply = reply,
                DsnStatus = dsn is not null && !dsn.Equals(reply.Status) ? dsn : null,
                Timestamp = LogTimestamp.Read(line, context.ReferenceYear),
                MessageId = qid,
                HeaderMessageId = context.MessageIdOf(qid),
                Kind = EvidenceKind.LogLine,
                SourceFormat = Format,
            };
            context.Track(e);
            events.Add(e);
        }
        return true;
    }

    // "Sent (Ok: queued as X)" -> "Ok: queued as X"; "Deferred: 421 4.7.0 ..." -> "421 4.7.0 ...".
    private static string StatText(string stat)
    {
        if (stat.StartsWith("Sent", StringComparison.OrdinalIgnoreCase))
        {
            var open = stat.IndexOf('(');
            return open >= 0 ? stat[(open + 1)..].TrimEnd(')') : stat;
        }
        return stat.StartsWith("Deferred:", StringComparison.OrdinalIgnoreCase) ? stat["Deferred:".Length..] : stat;
    }

    [GeneratedRegex(@"\b(?:sendmail|sm-mta|sm-msp-queue)\[\d+\]:\s+(?<qid>[0-9A-Za-z]{8,}):\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    [GeneratedRegex(@"^from=(?<from>[^,]+),", RegexOptions.CultureInvariant)]
    private static partial Regex From();

    // The from= line's "msgid=<message-id>".
    [GeneratedRegex(@"\bmsgid=(?<mid><[^>]*>|[^,\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SendmailMessageId();

    [GeneratedRegex(@"^to=(?<to>.+?), (?:[a-z_]+=.*?, )*?stat=(?<stat>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Delivery();

    [GeneratedRegex(@"\breply=(?<reply>.*?)(?:, [a-z_]+=|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyField();

    [GeneratedRegex(@"\bdsn=(?<dsn>[245]\.\d{1,3}\.\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex Dsn();

    [GeneratedRegex(@"\brelay=(?<host>[^\s,\[]+)\.? ?(?:\[(?<ip>[0-9a-fA-F:.]+)\])?", RegexOptions.CultureInvariant)]
    private static partial Regex Relay();
}
