using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>What the diagnosis engine reasons over: a window's aggregates, the previous window's, and drill-downs.</summary>
public sealed class DiagnosisInput
{
    /// <summary>The receiver asked about, or null for every receiver with data.</summary>
    public string? Receiver { get; init; }

    /// <summary>The window.</summary>
    public required TimeWindow Window { get; init; }

    /// <summary>Aggregates of the window.</summary>
    public required IReadOnlyList<AggregateRow> Current { get; init; }

    /// <summary>Aggregates of the window of equal length just before it.</summary>
    public IReadOnlyList<AggregateRow> Previous { get; init; } = [];

    /// <summary>Messages first seen in the window, by scope, outcome and trouble rule set (empty when the store has none).</summary>
    public IReadOnlyList<MessageRow> Messages { get; init; } = [];

    /// <summary>Event-level questions; null disables the metrics that need them.</summary>
    public IDiagnosisDrillDown? DrillDown { get; init; }
}
