using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store;

/// <summary>The SQLite store's <see cref="ISourcePositionStore"/>: the <c>source_positions</c> table.</summary>
public sealed class SourcePositions : ISourcePositionStore
{
    private readonly DeliverabilityStore _store;

    internal SourcePositions(DeliverabilityStore store) => _store = store;

    /// <inheritdoc />
    public string? Get(string key)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT position FROM source_positions WHERE key = $k;";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    /// <inheritdoc />
    public void Save(IEnumerable<KeyValuePair<string, string>> positions)
    {
        using var c = _store.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO source_positions(key, position, updated) VALUES ($k, $p, $t) ON CONFLICT(key) DO UPDATE SET position = excluded.position, updated = excluded.updated;";
        var key = cmd.Parameters.Add("$k", SqliteType.Text);
        var position = cmd.Parameters.Add("$p", SqliteType.Text);
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        foreach (var (k, p) in positions)
        {
            key.Value = k;
            position.Value = p;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
