using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Conversation.Composing.Escalation;

/// <summary>What an escalation draft is filled from: whom it goes to, the traffic and replies, and our own details.</summary>
/// <param name="Target">The receiver or filter written to.</param>
/// <param name="Traffic">The receiver whose traffic the numbers are (the target itself, or the receiver behind a filter), or null.</param>
/// <param name="Stats">Counts over the window for <paramref name="Traffic"/>.</param>
/// <param name="Examples">Replies from the target (a filter's: only those naming it), newest first.</param>
/// <param name="Company">Our company (configuration), or null for a placeholder.</param>
/// <param name="SendingDomain">Our sending domain (configuration), or null to take the evidence's.</param>
/// <param name="RangeText">The window in words ("in the last 24h").</param>
public sealed record EscalationEvidence(
    ReceiverProfile Target,
    ReceiverProfile? Traffic,
    StatsReport Stats,
    IReadOnlyList<EvidenceExample> Examples,
    string? Company,
    string? SendingDomain,
    string RangeText);
