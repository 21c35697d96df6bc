namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>
/// Event-level questions the rollups cannot answer, asked only for rules whose thresholds or messages
/// need them (recipient concentration, what preceded queue expiries).
/// </summary>
public interface IDiagnosisDrillDown
{
    /// <summary>Distinct recipients among the signal's attempts, and the busiest one with its count.</summary>
    (long Distinct, string? Top, long TopCount) Recipients(string? receiver, IReadOnlyCollection<long> ruleSetIds);

    /// <summary>Expiries (in the given rule sets) whose message was deferred by <paramref name="receiver"/> before, and the most common last deferral.</summary>
    (long Expired, string? TopCauseRules, string? TopCauseReply, long TopCauseCount) ExpiryCauses(string? receiver, IReadOnlyCollection<long> ruleSetIds);
}
