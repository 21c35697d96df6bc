using DeliverabilityBot.Application.Ingest;

namespace DeliverabilityBot.Application.Telemetry;

/// <summary>Counts each committed ingest batch into <see cref="DeliverabilityBotTelemetry"/> (by origin: ingest, demo, follow, ...).</summary>
internal sealed class IngestTelemetryObserver : IIngestBatchObserver
{
    public static IngestTelemetryObserver Instance { get; } = new();

    public void OnBatchCommitted(IngestBatchCommitted batch)
    {
        var origin = new KeyValuePair<string, object?>("origin", batch.Origin);
        DeliverabilityBotTelemetry.IngestedEvents.Add(batch.Offered, origin);
        DeliverabilityBotTelemetry.StoredEvents.Add(batch.Stored, origin);
    }
}
