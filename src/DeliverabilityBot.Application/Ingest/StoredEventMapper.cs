using System.Runtime.CompilerServices;
using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// Builds the stored row from a parsed event and its classification summary: the one mapping from events to rows
/// (the store's former factory did the same with a different sending-IP and domain derivation, and is gone).
/// Domains come from the event, else from its addresses; our sending IP from the event, else, for attempts that
/// were not delivered, from the receiver's reply (<see cref="SendingIpFromReply"/>), since Postfix logs do not record it.
/// </summary>
public static class StoredEventMapper
{
    /// <summary>The stored form; <paramref name="fallbackTime"/> stands in when the evidence has no time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StoredEvent Map(BounceEvent e, ClassificationSummary c, DateTimeOffset fallbackTime) => new()
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
        SendingIp = e.SendingIp ?? (e.Action == DeliveryAction.Delivered ? null : SendingIpFromReply.Find(e.Reply.Text, e.RemoteIp)),
        SenderDomain = e.SenderDomain ?? DomainOf(e.Sender),
        ReplyCode = e.Reply.Code,
        Reply = e.Reply.Raw,
        MessageId = e.MessageId,
        Source = e.Source,
        Index = e.Index,
        HardBounce = c.HardBounce,
        Retryable = c.Retryable,
    };

    // Lower-cased like the parsers' own domains (an address read elsewhere may keep its case).
    private static string? DomainOf(string? address) => Addresses.DomainOf(address)?.ToLowerInvariant();
}
