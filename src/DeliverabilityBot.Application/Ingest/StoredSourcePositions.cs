using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>Live sources resume where the store says they stopped (<see cref="IHistoryStore.Positions"/>).</summary>
public sealed class StoredSourcePositions(IHistoryStore store) : ISourcePositions
{
    /// <inheritdoc />
    public string? Get(string key) => store.Positions?.Get(key);
}
