using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Core.Queries;

/// <summary>
/// Everything the conversation layer may ask of the engine and the store. Channels and the conversation
/// never see rules-engine or storage internals, only these answers.
/// </summary>
public interface IDeliverabilityQueries
{
    /// <summary>Ranked diagnoses for a receiver (null: all receivers) over a window.</summary>
    Task<WhyReport> WhyAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default);

    /// <summary>Counts for a receiver (null: all) over a window.</summary>
    Task<StatsReport> StatsAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deferral and bounce rates over time (hourly or daily UTC buckets) for a receiver (null: all), optionally one sending
    /// IP or one series per IP: what charts draw.
    /// </summary>
    Task<Charts.RateTimeline> TimelineAsync(Charts.TimelineRequest request, CancellationToken cancellationToken = default);

    /// <summary>Example bounces (newest first) for a receiver over a window, optionally only those a rule matched.</summary>
    Task<IReadOnlyList<EvidenceExample>> ExamplesAsync(string? receiver, TimeWindow window, string? ruleId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Recipients safe to suppress (mailbox-level hard bounces only) for a receiver (null: all) over a window.</summary>
    Task<Suppression.SuppressionReport> SuppressionAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default);

    /// <summary>Classifies pasted evidence (a reply, a log line, a whole DSN); <paramref name="recipient"/> is an address or domain hint.</summary>
    IReadOnlyList<BounceClassification> Explain(string text, string? recipient);

    /// <summary>A rule by id (case-insensitive), or null.</summary>
    RuleInfo? FindRule(string id);

    /// <summary>Rules whose id, title, examples or explanation mention <paramref name="text"/>.</summary>
    IReadOnlyList<RuleInfo> SearchRules(string text, int limit);

    /// <summary>The receivers and filters the loaded rule files declare (names, domains, markers, contacts).</summary>
    Vocabulary.IReceiverRegistry Receivers { get; }

    /// <summary>The newest event time in the store, or null when it is empty (to anchor "last 24 hours" on old data).</summary>
    Task<DateTimeOffset?> LatestEventAsync(CancellationToken cancellationToken = default);
}
