using DeliverabilityBot.Store.Writing;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Schema;

/// <summary>Settings a store keeps about itself in its <c>meta</c> table (schema version 2 on).</summary>
public static class StoreMeta
{
    /// <summary>The identity scheme of the store's hashes.</summary>
    /// <exception cref="StoreException">The store names a scheme this build does not know.</exception>
    public static IdentityScheme Identity(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'identity';";
        return cmd.ExecuteScalar() switch
        {
            "sha256" => IdentityScheme.Sha256,
            "xxh3" => IdentityScheme.XxHash3,
            var other => throw new StoreException($"{connection.DataSource}: unknown identity scheme '{other}' in the meta table; upgrade dbot or use another --data folder."),
        };
    }
}
