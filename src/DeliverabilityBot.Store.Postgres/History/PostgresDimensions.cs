using DeliverabilityBot.Store.Schema;
using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>Interns dimension values to ids in the <c>dims</c> table, remembering them; id 0 means none. One writer's, inside its transaction.</summary>
internal sealed class PostgresDimensions(NpgsqlConnection connection)
{
    private readonly Dictionary<(DimensionKind, string), long> _ids = Load(connection);
    private readonly List<(DimensionKind Kind, string Value)> _missing = new();

    /// <summary>Notes a value a batch needs; <see cref="InternNoted"/> adds every noted value not known yet in one statement.</summary>
    public void Note(DimensionKind kind, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !_ids.ContainsKey((kind, value))) _missing.Add((kind, value));
    }

    /// <summary>Interns every value noted since the last call, in one round trip.</summary>
    public void InternNoted(NpgsqlTransaction tx)
    {
        if (_missing.Count == 0) return;
        // Distinct: ON CONFLICT DO UPDATE may not touch one row twice in a statement.
        var distinct = _missing.Distinct().ToArray();
        _missing.Clear();
        // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING yields the rows another writer added too.
        using var cmd = new NpgsqlCommand("""
            INSERT INTO dims(kind, value) SELECT * FROM unnest(@k, @v)
            ON CONFLICT (kind, value) DO UPDATE SET value = excluded.value RETURNING id, kind, value;
            """, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = distinct.Select(d => (int)d.Kind).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = distinct.Select(d => d.Value).ToArray() });
        using var r = cmd.ExecuteReader();
        while (r.Read()) _ids[((DimensionKind)r.GetInt32(1), r.GetString(2))] = r.GetInt64(0);
    }

    /// <summary>The id of a value interned before (noted and interned in this batch, or stored earlier); 0 for none.</summary>
    public long IdOf(DimensionKind kind, string? value) =>
        string.IsNullOrEmpty(value) ? 0
        : _ids.TryGetValue((kind, value), out var id) ? id
        : throw new InvalidOperationException($"dimension {kind} '{value}' was not interned before use");

    /// <summary>Forgets ids added in a transaction that was rolled back.</summary>
    public void Reload()
    {
        _missing.Clear();
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
