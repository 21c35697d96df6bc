using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>Events a source read in one go, and where to resume once they are stored.</summary>
/// <param name="Input">The input they came from (a path, <c>syslog</c>, <c>journald</c>).</param>
/// <param name="Events">The events, in order.</param>
/// <param name="Position">The position after these events, to persist once they are committed; null when the source keeps none.</param>
/// <param name="Problem">What went wrong with part of the input (<c>path: why</c>); the events before it are still given.</param>
public sealed record SourceChunk(string Input, IReadOnlyList<BounceEvent> Events, SourcePosition? Position = null, string? Problem = null)
{
    /// <summary>
    /// Hand the events over to be stored now, though there is no position to save (a syslog burst): otherwise a chunk
    /// without a position waits in the pipeline until a full hand-over of events has gathered, as files do.
    /// </summary>
    public bool HandOverNow { get; init; }

    /// <summary>
    /// Runs on the pipeline's writing thread once these events (and all before them) are committed: a source that keeps
    /// what it read until it is stored (the webhook spool) lets it go here. A chunk with it is handed over at once. A
    /// failure fails the pipeline; the source must then cope with reading the events again (they are stored once).
    /// </summary>
    public Action? Committed { get; init; }
}
