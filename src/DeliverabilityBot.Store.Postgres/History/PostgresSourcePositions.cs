using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// Live sources' resume points in the shared database (table <c>source_positions</c>, migration 4), so a follower or a
/// journald reader writing into PostgreSQL resumes where it stopped, as it does into SQLite.
/// </summary>
internal sealed class PostgresSourcePositions(PostgresDatabase database) : ISourcePositionStore
{
    public string? Get(string key)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT position FROM source_positions WHERE key = @k;", c);
        cmd.Parameters.AddWithValue("k", key);
        return cmd.ExecuteScalar() as string;
    }

    public void Save(IEnumerable<KeyValuePair<string, string>> positions)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = new NpgsqlCommand(
            "INSERT INTO source_positions(key, position, updated) VALUES (@k, @p, @t) ON CONFLICT (key) DO UPDATE SET position = excluded.position, updated = excluded.updated;", c, tx);
        var key = cmd.Parameters.Add("k", NpgsqlTypes.NpgsqlDbType.Text);
        var position = cmd.Parameters.Add("p", NpgsqlTypes.NpgsqlDbType.Text);
        cmd.Parameters.AddWithValue("t", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        foreach (var (k, p) in positions)
        {
            key.Value = k;
            position.Value = p;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
