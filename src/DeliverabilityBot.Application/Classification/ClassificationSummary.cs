using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Application.Classification;

/// <summary>What the store keeps of a classification: the merged conclusions and the rule ids, nothing per-recipient.</summary>
public sealed record ClassificationSummary(string Receiver, string Reason, string Category, string? Filter, bool HardBounce, bool Retryable, IReadOnlyList<string> RuleIds)
{
    /// <summary>Summarises a full classification.</summary>
    public static ClassificationSummary Of(BounceClassification c) =>
        new(c.Receiver, c.Reason, c.Primary?.Category ?? "none", c.Filter, c.HardBounce, c.Retryable, c.Findings.Select(f => f.RuleId).ToArray());
}
