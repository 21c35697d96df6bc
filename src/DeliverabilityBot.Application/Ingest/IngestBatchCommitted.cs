namespace DeliverabilityBot.Application.Ingest;

/// <summary>What one committed batch put in the store.</summary>
/// <param name="Origin">Which ingest committed it: <c>ingest</c> (files), <c>follow</c>, <c>syslog</c>, <c>journald</c>.</param>
/// <param name="Offered">Events in the batch.</param>
/// <param name="Stored">Events newly stored (the rest were already there).</param>
/// <param name="OldestEvent">The earliest event time in the batch (UTC), null for an empty batch.</param>
/// <param name="NewestEvent">The latest event time in the batch (UTC), null for an empty batch.</param>
/// <param name="TotalStored">Events newly stored by this ingest so far, this batch included.</param>
/// <param name="CommittedAt">When the commit returned (UTC).</param>
public sealed record IngestBatchCommitted(
    string Origin,
    int Offered,
    int Stored,
    DateTimeOffset? OldestEvent,
    DateTimeOffset? NewestEvent,
    long TotalStored,
    DateTimeOffset CommittedAt);
