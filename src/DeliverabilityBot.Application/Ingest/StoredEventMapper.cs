using System.Runtime.CompilerServices;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// Builds the stored row from a parsed event and its classification summary: the one mapping from events to rows
/// (the store's former factory did the same with a different sending-IP and domain derivation, and is gone).
/// Domains come from the event, else from its addresses; our sending IP from the event, else, for attempts that
/// were not delivered, from the receiver's reply (<see cref="SendingIpFromReply"/>), since Postfix logs do not record it,
/// else from the deployment's mapping of the sender domain (<see cref="SendingMap"/>). A private address from the
/// configuration gives way to the public one a receiver quotes (the MTA sits behind NAT).
/// </summary>
public static class StoredEventMapper
{
    /// <summary>The stored form; <paramref name="fallbackTime"/> stands in when the evidence has no time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StoredEvent Map(BounceEvent e, ClassificationSummary c, DateTimeOffset fallbackTime, SendingMap? sending = null) => new()
    {
        Timestamp = (e.Timestamp ?? fallbackTime).ToUniversalTime(),
        TimestampEstimated = e.Timestamp is null,
        Action = e.Action,
        Stage = e.Stage,
        Kind = e.Kind,
        Recipient = e.Recipient,
        RecipientDomain = e.RecipientDomain ?? DomainOf(e.Recipient),
        Receiver = c.Receiver,
        Reason = e.Action == DeliveryAction.Delivered ? "delivered" : c.Reason,
        Category = c.Category,
        Filter = c.Filter,
        RuleIds = c.RuleIds,
        RemoteHost = e.RemoteHost,
        RemoteIp = e.RemoteIp,
        SendingIp = SendingIpOf(e, sending),
        SenderDomain = e.SenderDomain ?? DomainOf(e.Sender),
        ReplyCode = e.Reply.Code,
        Reply = e.Reply.Raw,
        MessageId = e.MessageId,
        HeaderMessageId = e.HeaderMessageId,
        Stream = e.Stream ?? StreamOf(e, sending),
        QueueExpired = IsQueueExpiry(e, c),
        Source = e.Source,
        Index = e.Index,
        HardBounce = c.HardBounce,
        Retryable = c.Retryable,
    };

    /// <summary>Our sending IP for <paramref name="e"/>: the evidence's, the reply's, then the deployment's by sender domain; null when none has it.</summary>
    public static string? SendingIpOf(BounceEvent e, SendingMap? sending)
    {
        var quoted = e.Action == DeliveryAction.Delivered ? null : SendingIpFromReply.Find(e.Reply.Text, e.RemoteIp);
        if (e.SendingIp is { } recorded) return quoted is not null && IsPrivate(recorded) ? quoted : recorded;
        // A local delivery (Postfix relay=local / virtual) leaves from no IP, whatever its sender.
        if (quoted is not null || sending is null || e.RemoteHost is "local" or "virtual") return quoted;
        return sending.Resolve(null, e.RecipientDomain, e.SenderDomain ?? DomainOf(e.Sender), e.RemoteIp).Ip;
    }

    // The deployment's stream for evidence that names none: by the sending IP found, else by sender domain.
    private static string? StreamOf(BounceEvent e, SendingMap? sending)
    {
        if (sending is null) return null;
        var ip = SendingIpOf(e, sending);
        return sending.StreamOf(ip) ?? sending.Resolve(null, e.RecipientDomain, e.SenderDomain ?? DomainOf(e.Sender), e.RemoteIp).Stream;
    }

    private static bool IsPrivate(string ip) =>
        System.Net.IPAddress.TryParse(ip, out var a) && (System.Net.IPAddress.IsLoopback(a) || a.IsIPv6LinkLocal || a.IsIPv6UniqueLocal
            || a.GetAddressBytes() is [10, ..] or [192, 168, ..] or [172, >= 16 and < 32, ..] or [100, >= 64 and < 128, ..]);

    /// <summary>
    /// A failure the sending queue decided after deferrals rather than a refusal: Postfix's <c>status=expired</c> (the
    /// reader's <c>expired</c> hint), the classifier's <c>expired</c> reason, or a failed recipient whose reply or DSN
    /// status is still temporary (4.x.x: what an MTA reports when it returns a message it gave up retrying).
    /// </summary>
    public static bool IsQueueExpiry(BounceEvent e, ClassificationSummary c) =>
        e.Action == DeliveryAction.Failed
        && (e.Hints.ContainsKey("expired") || c.Reason == "expired" || e.Reply.Code is >= 400 and < 500
            || (e.DsnStatus ?? e.Reply.Status)?.Class == 4);

    // Lower-cased like the parsers' own domains (an address read elsewhere may keep its case).
    private static string? DomainOf(string? address) => Addresses.DomainOf(address)?.ToLowerInvariant();
}
