using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Rules.Diagnosis.Facts;
using DeliverabilityBot.Store.Reading;

namespace DeliverabilityBot.Application.Diagnosis;

/// <summary>Answers the engine's event-level questions from the store, for one window.</summary>
internal sealed class StoreDrillDown(IHistoryReader reader, TimeWindow window) : IDiagnosisDrillDown
{
    public (long Distinct, string? Top, long TopCount) Recipients(string? receiver, IReadOnlyCollection<long> ruleSetIds)
    {
        var r = reader.Recipients(window, receiver, ruleSetIds);
        return (r.DistinctRecipients, r.TopRecipient, r.TopRecipientCount);
    }

    public (long Expired, string? TopCauseRules, string? TopCauseReply, long TopCauseCount) ExpiryCauses(string? receiver, IReadOnlyCollection<long> ruleSetIds)
    {
        var c = reader.ExpiryCauses(window, receiver, ruleSetIds);
        return (c.Expired, c.TopCauseRuleSet, c.TopCauseReply, c.TopCauseCount);
    }
}
