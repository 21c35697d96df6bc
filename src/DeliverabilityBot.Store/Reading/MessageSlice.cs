using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Store.Reading;

/// <summary>
/// Messages first seen in a window that share every dimension: receiver, final outcome, whether they were affected
/// (not simply delivered at the first try), the rule set of their trouble (empty when none), sending IP, sender domain
/// and stream.
/// </summary>
public sealed record MessageSlice(
    string Receiver,
    MessageOutcome Outcome,
    bool Affected,
    string RuleSet,
    long RuleSetId,
    string? SendingIp,
    string? SenderDomain,
    string? Stream,
    long Count);
