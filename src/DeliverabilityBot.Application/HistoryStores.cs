using System.Runtime.CompilerServices;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Postgres;
using DeliverabilityBot.Store.Postgres.History;

namespace DeliverabilityBot.Application;

/// <summary>Opens the history store the options name: the embedded SQLite file in the data folder, or a PostgreSQL database.</summary>
public static class HistoryStores
{
    /// <summary>Opens (creating and migrating as needed) the store.</summary>
    /// <exception cref="StoreException">The store cannot be opened, or the connection string names no database dbot knows.</exception>
    public static IHistoryStore Open(StoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString)) return DeliverabilityStore.Open(options);
        if (!StoreConnection.IsPostgres(options.ConnectionString))
            throw new StoreException($"the store connection string names no database dbot knows: give a postgres://user:password@host:5432/database URL or Host=...;Database=... (from --store, {StoreConnection.EnvironmentVariable} or ConnectionStrings:History), or none for SQLite in the data folder.");
        return OpenPostgres(options);
    }

    // Its own method, so the SQLite path never loads Npgsql.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IHistoryStore OpenPostgres(StoreOptions options) => new PostgresHistoryStore(PostgresDatabase.Open(options.ConnectionString!), options);
}
