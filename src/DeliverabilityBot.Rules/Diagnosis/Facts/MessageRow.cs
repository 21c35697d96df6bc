using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>
/// Messages (one per recipient of a queued message) first seen in a window that share every dimension: what diagnoses
/// are ranked by. <paramref name="Affected"/>: not simply delivered at the first try (bounced, expired, pending, or
/// deferred at least once); <paramref name="RuleIds"/> and <paramref name="RuleSetId"/>: the rule set of the message's
/// trouble (its bounce, or its last deferral), empty for a message delivered at once. Sum <see cref="Count"/> over the
/// rows of a scope (receiver, sending IP, sender domain, stream) for its messages.
/// </summary>
public sealed record MessageRow(
    string Receiver,
    string? SendingIp,
    string? SenderDomain,
    string? Stream,
    MessageOutcome Outcome,
    bool Affected,
    IReadOnlyList<string> RuleIds,
    long RuleSetId,
    long Count);
