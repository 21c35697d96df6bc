using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>Attempts in a window sharing every dimension: what the store's rollups provide (the stream when the store records one).</summary>
public sealed record AggregateRow(
    string Receiver,
    DeliveryAction Action,
    string Reason,
    string Category,
    string? Filter,
    IReadOnlyList<string> RuleIds,
    long RuleSetId,
    string? SendingIp,
    string? SenderDomain,
    long Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string? Stream = null);
