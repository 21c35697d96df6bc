namespace DeliverabilityBot.Ingestion.Sources;

/// <summary>How a followed log is read.</summary>
public sealed record FollowOptions
{
    /// <summary>How often the file is checked for new lines, a rotation or a truncation when it has nothing new.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Events per chunk at most (a chunk is also given whenever the file has nothing more for now).</summary>
    public int ChunkEvents { get; init; } = 512;

    /// <summary>
    /// On a restart, how many bytes before the saved offset are read again, without storing their events, so the
    /// per-queue-id state (sender, message id, pending deferrals) is what it was: a bounce after a restart still gets
    /// its sender domain and a <c>status=expired</c> its recipients.
    /// </summary>
    public long WarmUpBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Longer lines are cut to this many bytes (the rest up to the line end is skipped): memory stays bounded.</summary>
    public int MaxLineBytes { get; init; } = IngestionLimits.Default.MaxLineLength;
}
