using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Containers;

/// <summary>What reading one file (or one message of an mbox) gave: its events, or why it could not be read.</summary>
/// <param name="Path">The path as given or found while walking a folder.</param>
/// <param name="Events">The events read (empty for a non-bounce or on error).</param>
/// <param name="Error">Why the file (or message) could not be read, or null. Names the path.</param>
/// <param name="MessageIndex">The message's position within an mbox, or null.</param>
public sealed record FileReadResult(string Path, IReadOnlyList<BounceEvent> Events, string? Error = null, int? MessageIndex = null)
{
    /// <summary>True when the file was read (even if it held no bounce).</summary>
    public bool Succeeded => Error is null;

    /// <summary>
    /// True when the file is a large MTA log the reader was asked to leave unread (<c>leaveLogsFrom</c> of
    /// <see cref="EvidenceFileReader"/>): no events here; the caller streams it.
    /// </summary>
    public bool LeftForStreaming { get; init; }

    /// <summary>The input left open for streaming when it cannot be opened again (stdin, a pipe, a gzip); see <see cref="EvidenceFileReader.ReadLeftLog"/>.</summary>
    internal ForwardInput? Input { get; init; }
}
