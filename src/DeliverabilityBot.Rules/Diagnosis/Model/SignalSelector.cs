using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Diagnosis.Facts;

namespace DeliverabilityBot.Rules.Diagnosis.Model;

/// <summary>
/// Which attempts a diagnosis rule counts: every non-empty list must hold (any of its values).
/// Rule globs match any id in the attempt's rule set (<c>PPT*</c>, <c>ICL1001</c>).
/// </summary>
public sealed class SignalSelector
{
    /// <summary>Outcomes counted; empty means failed and delayed.</summary>
    public IReadOnlyList<DeliveryAction> Actions { get; init; } = [];

    /// <summary>Receivers the rule applies to; empty means any.</summary>
    public IReadOnlyList<string> Receivers { get; init; } = [];

    /// <summary>Filters named in the replies.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>Sisimai reasons.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Categories of the primary classification rule.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Classification rule id globs (any id in the attempt's rule set).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Attempts matching any of these (all of its non-empty lists) are left out, e.g. another rule's signal.</summary>
    public IReadOnlyList<SignalSelector> Excludes { get; init; } = [];

    /// <summary>True when the selector applies in a scope of <paramref name="receiver"/>.</summary>
    public bool AppliesTo(string receiver) => Receivers.Count == 0 || Receivers.Contains(receiver, StringComparer.Ordinal);

    /// <summary>True when the row is part of the signal.</summary>
    public bool Matches(AggregateRow row)
    {
        if (Actions.Count == 0 ? row.Action is not (DeliveryAction.Failed or DeliveryAction.Delayed) : !Actions.Contains(row.Action)) return false;
        if (Filters.Count > 0 && (row.Filter is null || !Filters.Contains(row.Filter, StringComparer.Ordinal))) return false;
        if (Reasons.Count > 0 && !Reasons.Contains(row.Reason, StringComparer.Ordinal)) return false;
        if (Categories.Count > 0 && !Categories.Contains(row.Category, StringComparer.Ordinal)) return false;
        if (Rules.Count > 0 && !row.RuleIds.Any(id => Rules.Any(g => IdGlob.Matches(g, id)))) return false;
        if (Receivers.Count > 0 && !Receivers.Contains(row.Receiver, StringComparer.Ordinal)) return false;
        return !Excludes.Any(x => x.Matches(row));
    }
}
