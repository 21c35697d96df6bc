using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Classification;

/// <summary>
/// Orders findings (priority descending, then id ordinal: explicit and deterministic) and merges their conclusions:
/// each field comes from the highest finding that states it, else from the event itself.
/// </summary>
public static class ClassificationMerger
{
    /// <summary>Orders findings by precedence.</summary>
    public static Finding[] Order(IEnumerable<Finding> findings) =>
        findings.OrderByDescending(f => f.Priority).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();

    /// <summary>Merges ordered findings for one event.</summary>
    public static BounceClassification Merge(EventFacts facts, Finding[] ordered)
    {
        var e = facts.Event;
        var retryableDefault = e.Action == DeliveryAction.Delayed || facts.ReplyClass == 4;
        return new BounceClassification
        {
            Event = e,
            Findings = ordered,
            Reason = First(ordered, f => f.Reason) ?? (e.Action == DeliveryAction.Delivered ? "delivered" : Reasons.Undefined),
            Receiver = First(ordered, f => f.Receiver) ?? facts.Receiver,
            Filter = First(ordered, f => f.Filter),
            HardBounce = FirstBool(ordered, f => f.HardBounce) ?? false,
            Retryable = FirstBool(ordered, f => f.Retryable) ?? retryableDefault,
        };
    }

    private static string? First(Finding[] ordered, Func<Finding, string?> field)
    {
        foreach (var f in ordered)
            if (field(f) is { } v) return v;
        return null;
    }

    private static bool? FirstBool(Finding[] ordered, Func<Finding, bool?> field)
    {
        foreach (var f in ordered)
            if (field(f) is { } v) return v;
        return null;
    }
}
