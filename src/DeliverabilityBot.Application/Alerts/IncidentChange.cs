using DeliverabilityBot.Core.Alerts;

namespace DeliverabilityBot.Application.Alerts;

/// <summary>What one evaluation did to one incident.</summary>
/// <param name="Kind">Opened, updated or resolved.</param>
/// <param name="Incident">The incident as stored after the change.</param>
public sealed record IncidentChange(IncidentChangeKind Kind, Incident Incident);

/// <summary>The kinds of <see cref="IncidentChange"/>.</summary>
public enum IncidentChangeKind
{
    /// <summary>A diagnosis started above its scope's baseline.</summary>
    Opened,

    /// <summary>It is still on; the figures were refreshed.</summary>
    Updated,

    /// <summary>The rate returned to baseline.</summary>
    Resolved,
}

/// <summary>One evaluation: when (data time), over which window, and what changed.</summary>
/// <param name="At">The data time evaluated (the newest evidence, never after the wall clock).</param>
/// <param name="Changes">Opened, updated and resolved incidents.</param>
public sealed record DetectorPass(DateTimeOffset? At, IReadOnlyList<IncidentChange> Changes)
{
    /// <summary>Nothing to evaluate (an empty store).</summary>
    public static DetectorPass Empty { get; } = new(null, []);
}
