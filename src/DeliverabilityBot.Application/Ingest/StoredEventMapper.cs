using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>Builds the stored row from a parsed event and its classification summary.</summary>
public static class StoredEventMapper
{
    /// <summary>The stored form; <paramref name="fallbackTime"/> stands in when the evidence has no time.</summary>
    public static StoredEvent Map(BounceEvent e, ClassificationSummary c, DateTimeOffset fallbackTime) => new()
    {
        Timestamp = (e.Timestamp ?? fallbackTime).ToUniversalTime(),
        TimestampEstimated = e.Timestamp is null,
        Action = e.Action,
        Stage = e.Stage,
        Kind = e.Kind,
        Recipient = e.Recipient,
        RecipientDomain = e.RecipientDomain,
        Receiver = c.Receiver,
        Reason = e.Action == DeliveryAction.Delivered ? "delivered" : c.Reason,
        Category = c.Category,
        Filter = c.Filter,
        RuleIds = c.RuleIds,
        RemoteHost = e.RemoteHost,
        RemoteIp = e.RemoteIp,
        SendingIp = e.SendingIp ?? (e.Action == DeliveryAction.Delivered ? null : SendingIpFromReply.Find(e.Reply.Text)),
        SenderDomain = e.SenderDomain,
        ReplyCode = e.Reply.Code,
        Reply = e.Reply.Raw,
        MessageId = e.MessageId,
        Source = e.Source,
        Index = e.Index,
        HardBounce = c.HardBounce,
        Retryable = c.Retryable,
    };
}
