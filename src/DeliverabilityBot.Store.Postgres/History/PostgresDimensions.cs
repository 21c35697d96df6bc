using DeliverabilityBot.Store.Schema;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>Interns dimension values to ids in the <c>dims</c> table, remembering them; id 0 means none. One writer's, inside its transaction.</summary>
internal sealed class PostgresDimensions(NpgsqlConnection connection)
{
    private readonly Dictionary<(DimensionKind, string), long> _ids = Load(connection);

    public long IdOf(DimensionKind kind, string? value, NpgsqlTransaction tx)
    {
        if (string.IsNullOrEmpty(value)) return 0;
        if (_ids.TryGetValue((kind, value), out var id)) return id;
        // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING yields the row another writer added too.
        using var cmd = new NpgsqlCommand("INSERT INTO dims(kind, value) VALUES (@k, @v) ON CONFLICT (kind, value) DO UPDATE SET value = excluded.value RETURNING id;", connection, tx);
        cmd.Parameters.AddWithValue("k", (int)kind);
        cmd.Parameters.AddWithValue("v", value);
        id = (long)cmd.ExecuteScalar()!;
        _ids[(kind, value)] = id;
        return id;
    }

    /// <summary>Forgets ids added in a transaction that was rolled back.</summary>
    public void Reload()
    {
        _ids.Clear();
        foreach (var p in Load(connection)) _ids[p.Key] = p.Value;
    }

    private static Dictionary<(DimensionKind, string), long> Load(NpgsqlConnection c)
    {
        var ids = new Dictionary<(DimensionKind, string), long>();
        using var cmd = new NpgsqlCommand("SELECT id, kind, value FROM dims;", c);
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids[((DimensionKind)r.GetInt32(1), r.GetString(2))] = r.GetInt64(0);
        return ids;
    }
}
