using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Server.Tests.Chat;

/// <summary>A small prepared history for HTTP-level tests: iCloud deferring, nothing else; can be told to fail.</summary>
public sealed class StubQueries : IDeliverabilityQueries
{
    private static readonly Lazy<Core.Vocabulary.IReceiverRegistry> Shipped = new(() =>
        Rules.Loading.RuleSetLoader.Load(Rules.Loading.RuleSources.Embedded(), Rules.Loading.RuleLoadOptions.WithoutExampleChecks).Receivers);

    public bool Fail { get; set; }

    public Core.Vocabulary.IReceiverRegistry Receivers => Shipped.Value;

    public Task<WhyReport> WhyAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default)
    {
        Check();
        return Task.FromResult(receiver == "icloud"
            ? new WhyReport
            {
                Receiver = receiver, Window = window, Attempts = 2000, Delivered = 1300, Deferred = 620, Bounced = 80,
                Diagnoses =
                [
                    new Diagnosis
                    {
                        Id = "DIAG1001", Title = "Proofpoint reputation deferrals at iCloud's edge", Category = "reputation", Confidence = 0.85,
                        Scope = "receiver:icloud", Actions = ["Lower concurrency to Apple domains"], Rules = ["DIAG1001"],
                        Evidence = new DiagnosisEvidence { Examples = [new EvidenceExample(null, "jane@icloud.com", null, null, "421 4.7.0 Deferred <script>alert(1)</script>", ["ICL1010"])] },
                    },
                ],
            }
            : new WhyReport { Receiver = receiver, Window = window });
    }

    public Task<StatsReport> StatsAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default)
    {
        Check();
        return Task.FromResult(new StatsReport { Receiver = receiver, Window = window, Total = new StatsRow("total", 0, 0, 0, 0) });
    }

    /// <summary>Every timeline asked for, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<Core.Charts.TimelineRequest> TimelineRequests { get; } = new();

    public Task<Core.Charts.RateTimeline> TimelineAsync(Core.Charts.TimelineRequest request, CancellationToken cancellationToken = default)
    {
        Check();
        TimelineRequests.Enqueue(request);
        return Task.FromResult(Application.Diagnosis.TimelineService.Build(request, []));
    }

    public Task<IReadOnlyList<EvidenceExample>> ExamplesAsync(string? receiver, TimeWindow window, string? ruleId, int limit, CancellationToken cancellationToken = default)
    {
        Check();
        return Task.FromResult<IReadOnlyList<EvidenceExample>>([]);
    }

    public IReadOnlyList<BounceClassification> Explain(string text, string? recipient) => [];

    public Task<Core.Suppression.SuppressionReport> SuppressionAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Core.Suppression.SuppressionReport());

    public RuleInfo? FindRule(string id) => null;

    public IReadOnlyList<RuleInfo> SearchRules(string text, int limit) => [];

    public Task<DateTimeOffset?> LatestEventAsync(CancellationToken cancellationToken = default)
    {
        Check();
        return Task.FromResult<DateTimeOffset?>(DateTimeOffset.UtcNow);
    }

    private void Check()
    {
        if (Fail) throw new InvalidOperationException("store offline");
    }
}
