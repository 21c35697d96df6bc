using DeliverabilityBot.Core.Checks;

namespace DeliverabilityBot.Conversation.Tests.Fakes;

/// <summary>Checks that record what they were asked and answer with results made by the test.</summary>
public sealed class FakeChecks : IDeliverabilityChecks
{
    public bool Enabled { get; set; } = true;

    public CheckRequest Configured { get; set; } = new();

    public List<CheckRequest> Requests { get; } = [];

    /// <summary>Results for a request (all Ok by default: one per subject and kind asked).</summary>
    public Func<CheckRequest, IReadOnlyList<CheckResult>> Answer { get; set; } = r => r.Ips.Concat(r.Domains).Select(s => new CheckResult(CheckKind.Blocklist, $"{s} on Spamhaus ZEN", CheckStatus.Ok, $"{s} is not listed on Spamhaus ZEN.")).ToList();

    public string? CannotCheck { get; set; }

    public Task<CheckReport> RunAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Task.FromResult(CannotCheck is { } why
            ? CheckReport.Unavailable(request, why, Scenario.Now)
            : new CheckReport { Request = request, Results = Answer(request), CheckedAt = Scenario.Now });
    }
}
