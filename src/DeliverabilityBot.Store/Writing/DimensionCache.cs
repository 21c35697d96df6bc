using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// Interns dimension values (receiver, reason, IPs, ...) to integer ids, in memory and in the <c>dims</c>
/// table. Id 0 means "none". Used by one writer at a time, inside its transaction.
/// </summary>
internal sealed class DimensionCache
{
    private readonly Dictionary<(DimensionKind, string), long> _ids = new();
    private readonly SqliteConnection _connection;
    private SqliteCommand? _insert;

    public DimensionCache(SqliteConnection connection)
    {
        _connection = connection;
        Reload();
    }

    /// <summary>The id for a value (0 for null or empty), adding it when new.</summary>
    public long IdOf(DimensionKind kind, string? value, SqliteTransaction tx)
    {
        if (string.IsNullOrEmpty(value)) return 0;
        if (_ids.TryGetValue((kind, value), out var id)) return id;
        _insert ??= CreateInsert();
        _insert.Transaction = tx;
        _insert.Parameters["$kind"].Value = (int)kind;
        _insert.Parameters["$value"].Value = value;
        id = (long)_insert.ExecuteScalar()!;
        _ids[(kind, value)] = id;
        return id;
    }

    /// <summary>Forgets ids added in a transaction that was rolled back.</summary>
    public void Reload()
    {
        _ids.Clear();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT id, kind, value FROM dims;";
        using var r = cmd.ExecuteReader();
        while (r.Read()) _ids[((DimensionKind)r.GetInt32(1), r.GetString(2))] = r.GetInt64(0);
    }

    private SqliteCommand CreateInsert()
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = "INSERT INTO dims(kind, value) VALUES ($kind, $value) RETURNING id;";
        cmd.Parameters.Add("$kind", SqliteType.Integer);
        cmd.Parameters.Add("$value", SqliteType.Text);
        return cmd;
    }
}
