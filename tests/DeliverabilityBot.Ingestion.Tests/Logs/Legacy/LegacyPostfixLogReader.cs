using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

// Frozen copy of the regex-based reader as it was before the hand-written rewrite: the oracle the equivalence
// properties (PostfixEquivalenceProperties) compare the new reader with. Do not change it to follow the new code.
namespace DeliverabilityBot.Ingestion.Tests.Logs.Legacy;

/// <summary>
/// Postfix delivery agents' lines: <c>QUEUEID: to=&lt;r&gt;, relay=h[ip]:25, ..., dsn=5.1.1, status=bounced (detail)</c>,
/// qmgr's <c>from=&lt;s&gt;</c> (remembered) and <c>status=expired, returned to sender</c> (one expired event per
/// recipient still pending for that queue id).
/// </summary>
public sealed partial class LegacyPostfixLogReader
{
    /// <inheritdoc />
    public string Format => "postfix";

    /// <inheritdoc />
    public bool TryRead(string line, LegacyLogContext context, List<BounceEvent> events)
    {
        var head = Head().Match(line);
        if (!head.Success) return false;
        var qid = head.Groups["qid"].Value;
        var rest = line[(head.Index + head.Length)..];
        var timestamp = LegacyLogTimestamp.Read(line, context.ReferenceYear);

        if (Expired().Match(rest) is { Success: true } expired)
        {
            foreach (var last in context.TakePending(qid)) events.Add(ExpiredFrom(last, timestamp, context.NextIndex()));
            return true;
        }
        var delivery = Delivery().Match(rest);
        if (!delivery.Success)
        {
            if (From().Match(rest) is { Success: true } from && from.Groups["from"].Value.Length > 0)
                context.SetSender(qid, from.Groups["from"].Value.ToLowerInvariant());
            return true;
        }

        var recipient = Addresses.Normalize(delivery.Groups["to"].Value);
        var (host, ip, reply, stage) = LegacyRemoteDetail.Read(delivery.Groups["detail"].Value);
        var relay = Relay().Match(rest);
        host ??= relay.Success && relay.Groups["host"].Value != "none" ? relay.Groups["host"].Value.ToLowerInvariant() : null;
        ip ??= relay.Success && relay.Groups["ip"].Value.Length > 0 ? relay.Groups["ip"].Value : null;
        EnhancedStatusCode.TryParse(Dsn().Match(rest).Groups["dsn"].ValueSpan, out var dsn);
        var sender = context.SenderOf(qid);
        var e = new BounceEvent
        {
            Source = context.Source,
            Index = context.NextIndex(),
            Recipient = recipient,
            RecipientDomain = Addresses.DomainOf(recipient),
            Sender = sender,
            SenderDomain = Addresses.DomainOf(sender),
            RemoteHost = host,
            RemoteIp = ip,
            Stage = stage,
            Action = ActionOf(delivery.Groups["status"].Value),
            Reply = reply,
            DsnStatus = dsn is not null && !dsn.Equals(reply.Status) ? dsn : null,
            Timestamp = timestamp,
            MessageId = qid,
            Kind = EvidenceKind.LogLine,
            SourceFormat = Format,
        };
        context.Track(e);
        events.Add(e);
        return true;
    }

    private BounceEvent ExpiredFrom(BounceEvent last, DateTimeOffset? timestamp, int index) => new()
    {
        Source = last.Source,
        Index = index,
        Recipient = last.Recipient,
        RecipientDomain = last.RecipientDomain,
        Sender = last.Sender,
        SenderDomain = last.SenderDomain,
        RemoteHost = last.RemoteHost,
        RemoteIp = last.RemoteIp,
        // The queue gave up: no remote reply decided this, the last deferral is kept as the diagnostic.
        Stage = SmtpStage.SenderQueue,
        Action = DeliveryAction.Failed,
        Reply = last.Reply,
        DsnStatus = new EnhancedStatusCode(5, 4, 7),
        Timestamp = timestamp ?? last.Timestamp,
        MessageId = last.MessageId,
        Kind = EvidenceKind.LogLine,
        SourceFormat = Format,
        Hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["expired"] = "true" },
    };

    private static DeliveryAction ActionOf(string status) => status switch
    {
        "sent" or "deliverable" => DeliveryAction.Delivered,
        "deferred" => DeliveryAction.Delayed,
        _ => DeliveryAction.Failed,
    };

    [GeneratedRegex(@"\bpostfix[\w.\-]*/(?:[\w.\-]+/)*[\w.\-]+\[\d+\]:\s+(?<qid>[0-9A-Za-z]{5,}):\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    [GeneratedRegex(@"^to=<(?<to>[^>]*)>.*?\bstatus=(?<status>sent|deferred|bounced|expired|undeliverable|deliverable)\b\s*(?:\((?<detail>.*)\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Delivery();

    [GeneratedRegex(@"^from=<(?<from>[^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex From();

    [GeneratedRegex(@"^from=<[^>]*>,\s*status=expired", RegexOptions.CultureInvariant)]
    private static partial Regex Expired();

    [GeneratedRegex(@"\brelay=(?<host>[^\[,\s]+)(?:\[(?<ip>[^\]]*)\])?", RegexOptions.CultureInvariant)]
    private static partial Regex Relay();

    [GeneratedRegex(@"\bdsn=(?<dsn>[245]\.\d{1,3}\.\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex Dsn();
}
