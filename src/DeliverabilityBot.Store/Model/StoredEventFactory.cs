using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Store.Model;

/// <summary>Maps a classification to the row the store keeps.</summary>
public static class StoredEventFactory
{
    /// <summary>Builds the stored form; <paramref name="fallbackTime"/> stands in when the evidence has no time.</summary>
    public static StoredEvent FromClassification(BounceClassification c, DateTimeOffset fallbackTime)
    {
        var e = c.Event;
        var rules = new string[c.Findings.Count];
        for (var i = 0; i < rules.Length; i++) rules[i] = c.Findings[i].RuleId;
        return new StoredEvent
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
            Category = c.Primary?.Category ?? "none",
            Filter = c.Filter,
            RuleIds = rules,
            RemoteHost = e.RemoteHost,
            RemoteIp = e.RemoteIp,
            SendingIp = e.SendingIp,
            SenderDomain = e.SenderDomain ?? DomainOf(e.Sender),
            ReplyCode = e.Reply.Code,
            Reply = e.Reply.Raw,
            MessageId = e.MessageId,
            Source = e.Source,
            Index = e.Index,
            HardBounce = c.HardBounce,
            Retryable = c.Retryable,
        };
    }

    private static string? DomainOf(string? address)
    {
        if (address is null) return null;
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..].ToLowerInvariant() : null;
    }
}
