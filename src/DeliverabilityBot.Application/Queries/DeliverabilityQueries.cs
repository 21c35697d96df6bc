using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Queries;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Application.Queries;

/// <summary>
/// The real <see cref="IDeliverabilityQueries"/>: the store, the diagnosis engine and the classifier behind the one
/// port the conversation layer uses. Receivers may be given as people type them (<c>apple</c>, <c>me.com</c>).
/// </summary>
public sealed class DeliverabilityQueries : IDeliverabilityQueries
{
    private readonly DeliverabilityBotRuntime _runtime;
    private volatile CatalogOf? _catalog;

    /// <summary>Creates the queries over a runtime.</summary>
    public DeliverabilityQueries(DeliverabilityBotRuntime runtime) => _runtime = runtime;

    /// <inheritdoc />
    public Core.Vocabulary.IReceiverRegistry Receivers => _runtime.ActiveRules.Active.Rules.Receivers;

    /// <inheritdoc />
    public Task<WhyReport> WhyAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default) =>
        Task.Run(() => _runtime.Why.Why(ReceiverNames.Normalize(receiver, Receivers), window).Report, cancellationToken);

    /// <inheritdoc />
    public Task<StatsReport> StatsAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default) =>
        Task.Run(() => _runtime.Stats.Stats(ReceiverNames.Normalize(receiver, Receivers), window), cancellationToken);

    /// <inheritdoc />
    public Task<Core.Charts.RateTimeline> TimelineAsync(Core.Charts.TimelineRequest request, CancellationToken cancellationToken = default) =>
        Task.Run(() => _runtime.Timeline.Timeline(request with { Receiver = ReceiverNames.Normalize(request.Receiver, Receivers) }), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EvidenceExample>> ExamplesAsync(string? receiver, TimeWindow window, string? ruleId, int limit, CancellationToken cancellationToken = default) =>
        Task.Run(() => _runtime.Store.Reader.ExamplesForRule(window, ReceiverNames.Normalize(receiver, Receivers), ruleId, Math.Clamp(limit, 0, 50)), cancellationToken);

    /// <inheritdoc />
    public Task<Core.Suppression.SuppressionReport> SuppressionAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default) =>
        Task.Run(() => _runtime.Suppression.Report(ReceiverNames.Normalize(receiver, Receivers), window), cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<BounceClassification> Explain(string text, string? recipient) =>
        _runtime.ActiveRules.Classifier.ClassifyAll(TextEvidenceParser.Parse(text, recipient, "text"));

    /// <inheritdoc />
    public RuleInfo? FindRule(string id) => Catalog.Find(id);

    /// <inheritdoc />
    public IReadOnlyList<RuleInfo> SearchRules(string text, int limit) => Catalog.Search(text, limit);

    // The catalog of the rule set in service: rebuilt once after each hot reload, so "what is X?" names what classifies now.
    private RuleCatalog Catalog
    {
        get
        {
            var active = _runtime.ActiveRules.Active;
            if (_catalog is { } cached && ReferenceEquals(cached.Rules, active)) return cached.Catalog;
            var catalog = new RuleCatalog(active.Rules, (active.Diagnosis?.Rules ?? _runtime.DiagnosisRules).Rules);
            _catalog = new CatalogOf(active, catalog);
            return catalog;
        }
    }

    // One reference, so a reader never sees one set's snapshot with another's catalog.
    private sealed record CatalogOf(RuleSetSnapshot Rules, RuleCatalog Catalog);

    /// <inheritdoc />
    public Task<DateTimeOffset?> LatestEventAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => _runtime.Store.Reader.LatestEvent(), cancellationToken);
}
