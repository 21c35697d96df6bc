using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Store.Reading;

/// <summary>Read queries over the history. Each call uses its own pooled connection. Thread-safe.</summary>
public interface IHistoryReader
{
    /// <summary>The newest event time (events with a time of their own first), or null when the store is empty.</summary>
    DateTimeOffset? LatestEvent();

    /// <summary>Total events stored.</summary>
    long EventCount();

    /// <summary>Total messages stored.</summary>
    long MessageCount();

    /// <summary>Attempts in the window grouped by every slice dimension; <paramref name="receiver"/> null for all.</summary>
    IReadOnlyList<AggregateSlice> Slices(TimeWindow window, string? receiver);

    /// <summary>Attempts per UTC hour and outcome in the window, oldest first.</summary>
    IReadOnlyList<HourlyCount> Hourly(TimeWindow window, string? receiver);

    /// <summary>Attempts and messages per UTC hour and sending IP in the window, oldest first; <paramref name="receiver"/> null for all.</summary>
    IReadOnlyList<HourlyTraffic> HourlyTraffic(TimeWindow window, string? receiver);

    /// <summary>Messages first seen in the window, grouped by every message dimension; <paramref name="receiver"/> null for all.</summary>
    IReadOnlyList<MessageSlice> Messages(TimeWindow window, string? receiver);

    /// <summary>Recipient concentration among non-delivered attempts in the given rule sets.</summary>
    RecipientConcentration Recipients(TimeWindow window, string? receiver, IReadOnlyCollection<long> ruleSetIds);

    /// <summary>Expired attempts in the window (in the given rule sets; <paramref name="receiver"/>'s when given) whose
    /// message had earlier deferrals with <paramref name="receiver"/>, at most <see cref="StoreReader.ExpiryLookback"/>
    /// before the expiry, and the most common last deferral before it.</summary>
    ExpiryCauses ExpiryCauses(TimeWindow window, string? receiver, IReadOnlyCollection<long> expiryRuleSetIds);

    /// <summary>Newest non-delivered attempts in the window among the given rule sets (null: any), preferring distinct
    /// replies among the newest few; <paramref name="receiver"/> and <paramref name="sendingIp"/> narrow further when given.</summary>
    IReadOnlyList<EvidenceExample> Examples(TimeWindow window, string? receiver, IReadOnlyCollection<long>? ruleSetIds, int limit, string? sendingIp = null);

    /// <summary>Examples for one rule id (case-insensitive), in any rule set it fired in.</summary>
    IReadOnlyList<EvidenceExample> ExamplesForRule(TimeWindow window, string? receiver, string? ruleId, int limit);

    /// <summary>Ids of every stored rule set that contains <paramref name="ruleId"/>.</summary>
    IReadOnlyList<long> RuleSetsContaining(string ruleId);

    /// <summary>Each recipient's newest failed attempt in the window (receiver null: all), with whether a delivery or
    /// deferral to it followed: the evidence a suppression list is decided from.</summary>
    IReadOnlyList<Core.Suppression.RecipientFailure> RecipientFailures(TimeWindow window, string? receiver);

    /// <summary>Recipients that were deferred but never failed in the window.</summary>
    long DeferredOnlyRecipients(TimeWindow window, string? receiver);
}
