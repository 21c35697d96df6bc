namespace DeliverabilityBot.Store;

/// <summary>
/// Where live sources resume (a followed log's file and offset, a journal cursor), saved after the events before it are
/// committed. The events' identity makes the store idempotent, so a crash between the commit and the save reads a few
/// lines again and stores nothing twice. Thread-safe.
/// </summary>
public interface ISourcePositionStore
{
    /// <summary>The last position saved under <paramref name="key"/>, or null.</summary>
    string? Get(string key);

    /// <summary>Saves the positions, all or none.</summary>
    void Save(IEnumerable<KeyValuePair<string, string>> positions);
}
