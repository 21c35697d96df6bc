using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Core.Classification;

/// <summary>The classifier's result for one event: every finding, and the conclusions merged by priority.</summary>
public sealed class BounceClassification
{
    /// <summary>The event classified.</summary>
    public required BounceEvent Event { get; init; }

    /// <summary>All findings, highest priority first (ties by rule id), deterministic.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Merged reason (first finding that states one), else <c>undefined</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Merged receiver id, else <c>unknown</c>.</summary>
    public required string Receiver { get; init; }

    /// <summary>Merged filter id, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>Merged hard-bounce flag.</summary>
    public bool HardBounce { get; init; }

    /// <summary>Merged retryable flag.</summary>
    public bool Retryable { get; init; }

    /// <summary>The highest-priority finding, or null when no rule matched.</summary>
    public Finding? Primary => Findings.Count > 0 ? Findings[0] : null;
}
