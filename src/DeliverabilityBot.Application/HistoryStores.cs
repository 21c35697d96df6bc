using DeliverabilityBot.Store;

namespace DeliverabilityBot.Application;

/// <summary>Opens the history store the options name: the embedded SQLite file in the data folder.</summary>
public static class HistoryStores
{
    /// <summary>Opens (creating and migrating as needed) the store.</summary>
    /// <exception cref="StoreException">The store cannot be opened.</exception>
    public static IHistoryStore Open(StoreOptions options) => DeliverabilityStore.Open(options);
}
