using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Postfix delivery agents' lines: <c>QUEUEID: to=&lt;r&gt;, relay=h[ip]:25, ..., dsn=5.1.1, status=bounced (detail)</c>,
/// qmgr's <c>from=&lt;s&gt;</c> (remembered; a null sender <c>from=&lt;&gt;</c> marks Postfix's own notices, whose local,
/// virtual or pipe deliveries are skipped), <c>status=expired, returned to sender</c> (one expired event per
/// recipient still pending for that queue id) and <c>removed</c> (the queue id's state is dropped).
/// Lines are read by <see cref="PostfixLine"/>.
/// </summary>
public sealed class PostfixLogReader : ILogLineReader
{
    /// <inheritdoc />
    public string Format => "postfix";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(string line, LogContext context, List<BounceEvent> events)
    {
        if (!PostfixLine.TryRead(line, out var f)) return false;
        switch (f.Kind)
        {
            case PostfixLineKind.Expired:
                var timestamp = LogTimestamp.Read(line, context.ReferenceYear);
                foreach (var last in context.TakePending(f.QueueId)) events.Add(ExpiredFrom(last, timestamp, context.NextIndex()));
                break;
            case PostfixLineKind.From when f.Address!.Length > 0:
                context.SetSender(f.QueueId, f.Address.ToLowerInvariant());
                break;
            case PostfixLineKind.From:
                context.SetNullSender(f.QueueId);
                break;
            case PostfixLineKind.MessageId:
                context.SetMessageId(f.QueueId, Evidence.MessageIds.Normalize(f.Address));
                break;
            case PostfixLineKind.Removed:
                context.Forget(f.QueueId);
                break;
            case PostfixLineKind.Delivery:
                // Postfix's own notices (bounce, delay: from=<>) handed to a local mailbox are not attempts to a receiver.
                if (IsLocalDelivery(line) && context.IsNullSender(f.QueueId)) break;
                var e = Delivery(line, f, context);
                context.Track(e);
                events.Add(e);
                break;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BounceEvent Delivery(string line, in PostfixFields f, LogContext context)
    {
        var recipient = LogAddress.Normalize(f.Address);
        var delivered = f.Status is "sent" or "deliverable";
        // Delivered details carry a queue id ("250 2.0.0 Ok: queued as 4XyZ1"): each is read once, not remembered.
        var (host, ip, reply, stage) = delivered ? RemoteDetail.Read(f.Detail) : context.Details.Read(f.Detail);
        host ??= f.RelayHost is { } relayHost && relayHost != "none" ? relayHost.ToLowerInvariant() : null;
        ip ??= f.RelayIp is { Length: > 0 } relayIp ? relayIp : null;
        var senderDomain = context.SenderDomainOf(f.QueueId);
        var recipientDomain = Addresses.DomainOf(recipient);
        // Postfix does not log the address it sent from: the deployment's configuration says it, by the line's syslog name.
        var (sendingIp, stream) = context.Sending is { } sending && SyslogNameOf(line) is { } syslogName
            ? sending.Resolve(syslogName, recipientDomain, senderDomain, ip)
            : (null, null);
        return new BounceEvent
        {
            Source = context.Source,
            Index = context.NextIndex(),
            Recipient = recipient,
            RecipientDomain = recipientDomain,
            Sender = context.SenderOf(f.QueueId),
            SenderDomain = senderDomain,
            RemoteHost = host,
            RemoteIp = ip,
            SendingIp = sendingIp,
            Stream = stream,
            Stage = stage,
            Action = f.Status switch { "sent" or "deliverable" => DeliveryAction.Delivered, "deferred" => DeliveryAction.Delayed, _ => DeliveryAction.Failed },
            Reply = reply,
            DsnStatus = f.Dsn is { } dsn && !dsn.Equals(reply.Status) ? dsn : null,
            Timestamp = LogTimestamp.Read(line, context.ReferenceYear),
            MessageId = f.QueueId,
            HeaderMessageId = context.MessageIdOf(f.QueueId),
            Kind = EvidenceKind.LogLine,
            SourceFormat = Format,
        };
    }

    // "... postfix-out2/smtp[123]: ..." -> "postfix-out2"; "postfix/icloud/smtp[9]" -> "postfix/icloud": the tag up to
    // the last '/' before the pid, which is the syslog_name the service ran with. Only the SMTP client's lines: local,
    // virtual, lmtp and pipe deliveries leave from no sending IP.
    internal static string? SyslogNameOf(string line)
    {
        var at = line.IndexOf("postfix", StringComparison.Ordinal);
        if (at < 0) return null;
        var pid = line.IndexOf('[', at);
        if (pid < 0) return null;
        var slash = line.LastIndexOf('/', pid, pid - at);
        return slash > at && line.AsSpan(slash + 1, pid - slash - 1) is "smtp" ? line[at..slash] : null;
    }

    // "postfix/virtual[4220]: ..." (also local and pipe): a delivery agent that hands mail to a mailbox or a command on
    // this host rather than to a receiver.
    internal static bool IsLocalDelivery(string line)
    {
        var at = line.IndexOf("postfix", StringComparison.Ordinal);
        if (at < 0) return false;
        var pid = line.IndexOf('[', at);
        if (pid < 0) return false;
        var slash = line.LastIndexOf('/', pid, pid - at);
        return slash > at && line.AsSpan(slash + 1, pid - slash - 1) is "local" or "virtual" or "pipe";
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
        SendingIp = last.SendingIp,
        Stream = last.Stream,
        // The queue gave up: no remote reply decided this, the last deferral is kept as the diagnostic.
        Stage = SmtpStage.SenderQueue,
        Action = DeliveryAction.Failed,
        Reply = last.Reply,
        DsnStatus = new EnhancedStatusCode(5, 4, 7),
        Timestamp = timestamp ?? last.Timestamp,
        MessageId = last.MessageId,
        HeaderMessageId = last.HeaderMessageId,
        Kind = EvidenceKind.LogLine,
        SourceFormat = Format,
        Hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["expired"] = "true" },
    };
}
