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
        ordered = AgreeingOnReceiver(ordered);
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

    /// <summary>
    /// The receiver the highest finding concludes wins; findings that conclude another receiver are dropped with their
    /// advice. A reply that names its system (Yahoo's "[TSS04] ... postmaster.yahooinc.com") for a recipient whose domain
    /// belongs to another receiver (an icloud.com address forwarded through Yahoo) is Yahoo's answer: the iCloud rule
    /// that matched on the recipient's domain alone must not add Apple's advice.
    /// </summary>
    private static Finding[] AgreeingOnReceiver(Finding[] ordered)
    {
        if (First(ordered, f => f.Receiver) is not { } receiver) return ordered;
        foreach (var f in ordered)
            if (f.Receiver is { } r && !string.Equals(r, receiver, StringComparison.Ordinal)) return ordered.Where(x => x.Receiver is null || string.Equals(x.Receiver, receiver, StringComparison.Ordinal)).ToArray();
        return ordered;
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
