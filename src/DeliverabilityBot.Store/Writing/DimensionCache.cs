using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// Interns dimension values (receiver, reason, IPs, ...) to integer ids, in memory and in the <c>dims</c>
/// table. Id 0 means "none". Used by one writer at a time, inside its transaction.
/// </summary>
/// <remarks>
/// Ten lookups per stored row: one dictionary per kind (no tuple key to hash and compare), and before it the kind's
/// last value by reference, since consecutive rows mostly carry the very same string instances (the classifier's
/// receiver, reason and rule ids; the parser's interned hosts).
/// </remarks>
internal sealed class DimensionCache
{
    private static readonly int KindCount = Enum.GetValues<DimensionKind>().Max(k => (int)k) + 1;
    private readonly Dictionary<string, long>[] _ids = new Dictionary<string, long>[KindCount];
    private readonly string?[] _lastValue = new string?[KindCount];
    private readonly long[] _lastId = new long[KindCount];
    private readonly SqliteConnection _connection;
    private SqliteCommand? _insert;

    public DimensionCache(SqliteConnection connection)
    {
        _connection = connection;
        for (var k = 0; k < KindCount; k++) _ids[k] = new Dictionary<string, long>(StringComparer.Ordinal);
        Reload();
    }

    /// <summary>The id for a value (0 for null or empty), adding it when new.</summary>
    public long IdOf(DimensionKind kind, string? value, SqliteTransaction tx)
    {
        if (string.IsNullOrEmpty(value)) return 0;
        var k = (int)kind;
        if (ReferenceEquals(value, _lastValue[k])) return _lastId[k];
        if (!_ids[k].TryGetValue(value, out var id)) id = Add(kind, value, tx);
        _lastValue[k] = value;
        _lastId[k] = id;
        return id;
    }

    /// <summary>Forgets ids added in a transaction that was rolled back.</summary>
    public void Reload()
    {
        foreach (var d in _ids) d.Clear();
        Array.Clear(_lastValue);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, kind, value FROM dims;";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var kind = r.GetInt32(1);
            if (kind >= 0 && kind < KindCount) _ids[kind][r.GetString(2)] = r.GetInt64(0);
        }
    }

    private long Add(DimensionKind kind, string value, SqliteTransaction tx)
    {
        _insert ??= CreateInsert();
        _insert.Transaction = tx;
        _insert.Parameters["$kind"].Value = (int)kind;
        _insert.Parameters["$value"].Value = value;
        var id = (long)_insert.ExecuteScalar()!;
        _ids[(int)kind][value] = id;
        return id;
    }

    private SqliteCommand CreateInsert()
    {
        var cmd = _connection.CreateCommand();
        // A value another writer added since this cache was loaded is found, not inserted twice (UNIQUE(kind, value)):
        // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING yields the existing row's id too.
        cmd.CommandText = "INSERT INTO dims(kind, value) VALUES ($kind, $value) ON CONFLICT(kind, value) DO UPDATE SET value = excluded.value RETURNING id;";
        cmd.Parameters.Add("$kind", SqliteType.Integer);
        cmd.Parameters.Add("$value", SqliteType.Text);
        return cmd;
    }
}
