using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Queries;

namespace DeliverabilityBot.Conversation.Tests.Fakes;

/// <summary>An <see cref="IDeliverabilityQueries"/> answering from prepared reports, recording every call.</summary>
public sealed class FakeQueries : IDeliverabilityQueries
{
    public Dictionary<string, WhyReport> Why { get; } = new();
    public Dictionary<string, StatsReport> Stats { get; } = new();
    public Dictionary<string, List<EvidenceExample>> Examples { get; } = new();
    public Func<string, string?, IReadOnlyList<BounceClassification>> ExplainWith { get; set; } = (_, _) => [];
    public List<RuleInfo> Rules { get; } = [];
    public DateTimeOffset? Latest { get; set; }
    public Exception? Throw { get; set; }
    public List<string> Calls { get; } = [];

    private static string Key(string? receiver) => receiver ?? "*";

    public Task<WhyReport> WhyAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default)
    {
        Record($"why {Key(receiver)} {window.From:O}..{window.To:O}");
        return Task.FromResult(Why.TryGetValue(Key(receiver), out var r) ? r : new WhyReport { Receiver = receiver, Window = window });
    }

    public Task<StatsReport> StatsAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default)
    {
        Record($"stats {Key(receiver)} {window.From:O}..{window.To:O}");
        var key = Key(receiver) + "@" + window.From.ToString("O");
        if (Stats.TryGetValue(key, out var exact)) return Task.FromResult(exact);
        return Task.FromResult(Stats.TryGetValue(Key(receiver), out var r) ? r : new StatsReport { Receiver = receiver, Window = window, Total = new StatsRow("total", 0, 0, 0, 0) });
    }

    /// <summary>Timelines by receiver key (<c>*</c> for all); an empty timeline of the asked window otherwise.</summary>
    public Dictionary<string, Core.Charts.RateTimeline> Timelines { get; } = new();

    public Task<Core.Charts.RateTimeline> TimelineAsync(Core.Charts.TimelineRequest request, CancellationToken cancellationToken = default)
    {
        Record($"timeline {Key(request.Receiver)} ip={request.SendingIp ?? "-"} byIp={request.BySendingIp}");
        if (Timelines.TryGetValue(Key(request.Receiver), out var t)) return Task.FromResult(t);
        var empty = new Core.Charts.RateSeries(Key(request.Receiver), [Core.Charts.RateBucket.Empty(request.Window.From)]);
        return Task.FromResult(new Core.Charts.RateTimeline { Receiver = request.Receiver, Window = request.Window, BucketWidth = request.BucketWidth, Total = empty });
    }

    public Task<IReadOnlyList<EvidenceExample>> ExamplesAsync(string? receiver, TimeWindow window, string? ruleId, int limit, CancellationToken cancellationToken = default)
    {
        Record($"examples {Key(receiver)} rule={ruleId ?? "-"} limit={limit}");
        var all = Examples.TryGetValue(Key(receiver), out var list) ? list : [];
        IReadOnlyList<EvidenceExample> result = all.Where(e => ruleId is null || e.RuleIds.Contains(ruleId)).Take(limit).ToList();
        return Task.FromResult(result);
    }

    public Dictionary<string, Core.Suppression.SuppressionReport> Suppression { get; } = new();

    public Task<Core.Suppression.SuppressionReport> SuppressionAsync(string? receiver, TimeWindow window, CancellationToken cancellationToken = default)
    {
        Record($"suppression {Key(receiver)}");
        return Task.FromResult(Suppression.TryGetValue(Key(receiver), out var r) ? r : new Core.Suppression.SuppressionReport());
    }

    public IReadOnlyList<BounceClassification> Explain(string text, string? recipient)
    {
        Record($"explain {recipient ?? "-"} {text}");
        return ExplainWith(text, recipient);
    }

    public RuleInfo? FindRule(string id)
    {
        Record($"rule {id}");
        return Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
    }

    public IReadOnlyList<RuleInfo> SearchRules(string text, int limit)
    {
        Record($"search {text}");
        return Rules.Where(r => (r.Id + " " + r.Title + " " + r.Explanation + " " + string.Join(" ", r.Examples)).Contains(text, StringComparison.OrdinalIgnoreCase)).Take(limit).ToList();
    }

    public Core.Vocabulary.IReceiverRegistry Receivers { get; set; } = ShippedReceivers.Registry;

    public Task<DateTimeOffset?> LatestEventAsync(CancellationToken cancellationToken = default)
    {
        Record("latest");
        return Task.FromResult(Latest);
    }

    private void Record(string call)
    {
        lock (Calls) Calls.Add(call);
        if (Throw is not null) throw Throw;
    }
}
