namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// Hears every batch the ingestion path has committed to the store (files, followed logs, syslog, journald): the seam
/// the incident detector subscribes to, so it looks at the store only when it has advanced.
/// </summary>
/// <remarks>
/// Called on the store-writing thread right after the commit, in commit order: return quickly (hand the notice to a
/// queue of your own, as <see cref="IngestNotifications"/> does). An observer that throws is reported and skipped; the
/// ingest goes on and the batch stays stored.
/// </remarks>
public interface IIngestBatchObserver
{
    /// <summary>A batch is committed: its events are readable from the store from now on.</summary>
    void OnBatchCommitted(IngestBatchCommitted batch);
}
