using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Store.Reading;

/// <summary>
/// A count of attempts in a window that share every dimension: the unit the diagnosis engine sums over.
/// </summary>
public sealed record AggregateSlice(
    string Receiver,
    DeliveryAction Action,
    string Reason,
    string Category,
    string? Filter,
    string RuleSet,
    long RuleSetId,
    string? SendingIp,
    string? SenderDomain,
    long Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
