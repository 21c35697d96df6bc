using System.Collections.Concurrent;
using System.Data.Common;
using DeliverabilityBot.Store.Schema;

namespace DeliverabilityBot.Store.Reading;

/// <summary>Resolves dimension ids to values and back, caching what it has read. Thread-safe.</summary>
internal sealed class DimensionNames
{
    private readonly Func<DbConnection> _open;
    private readonly ConcurrentDictionary<long, string> _values = new();
    private readonly ConcurrentDictionary<(DimensionKind, string), long> _ids = new();
    private readonly Lock _reload = new();

    /// <param name="open">Opens a connection to the store (SQLite or PostgreSQL: the query is the same).</param>
    public DimensionNames(Func<DbConnection> open) => _open = open;

    /// <summary>The value of an id (null for 0).</summary>
    public string? ValueOf(long id)
    {
        if (id == 0) return null;
        if (_values.TryGetValue(id, out var v)) return v;
        Reload();
        return _values.TryGetValue(id, out v) ? v : null;
    }

    /// <summary>The id of a value, or null when the store has never seen it.</summary>
    public long? IdOf(DimensionKind kind, string value)
    {
        if (_ids.TryGetValue((kind, value), out var id)) return id;
        Reload();
        return _ids.TryGetValue((kind, value), out id) ? id : null;
    }

    /// <summary>All ids of a kind whose value satisfies <paramref name="predicate"/> (after a refresh).</summary>
    public IReadOnlyList<long> IdsWhere(DimensionKind kind, Func<string, bool> predicate)
    {
        Reload();
        return _ids.Where(p => p.Key.Item1 == kind && predicate(p.Key.Item2)).Select(p => p.Value).ToList();
    }

    private void Reload()
    {
        lock (_reload)
        {
            using var c = _open();
            using var cmd = c.CreateCommand();
            // Recipient domains and sources can be many and are never resolved on the read path.
            cmd.CommandText = "SELECT id, kind, value FROM dims WHERE kind NOT IN (10, 11);";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                var value = r.GetString(2);
                _values[id] = value;
                _ids[((DimensionKind)r.GetInt32(1), value)] = id;
            }
        }
    }
}
