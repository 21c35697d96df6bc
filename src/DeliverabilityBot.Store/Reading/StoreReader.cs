using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Schema;
using System.Data;
using System.Data.Common;

namespace DeliverabilityBot.Store.Reading;

/// <summary>
/// Read queries over the history, one implementation for every store: the SQL is portable (named <c>@</c> parameters,
/// explicit casts) and what differs is the store's <see cref="ReaderDialect"/>. Each call uses its own pooled connection.
/// </summary>
public sealed partial class StoreReader : IHistoryReader
{
    private const string SliceColumns = "receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id";
    private readonly Func<DbConnection> _open;
    private readonly DimensionNames _names;
    private readonly ReaderDialect _dialect;

    internal StoreReader(Func<DbConnection> open, DimensionNames names, ReaderDialect dialect)
    {
        _open = open;
        _names = names;
        _dialect = dialect;
    }

    /// <summary>The newest event time (events with a time of their own first), or null when the store is empty.</summary>
    public DateTimeOffset? LatestEvent()
    {
        return Scalar("SELECT COALESCE((SELECT MAX(ts) FROM events WHERE ts_estimated = 0), (SELECT MAX(ts) FROM events));") is long ts
            ? DateTimeOffset.FromUnixTimeSeconds(ts) : null;
    }

    /// <summary>Total events stored.</summary>
    public long EventCount()
    {
        return (long)Scalar("SELECT COUNT(*) FROM events;")!;
    }

    /// <summary>Attempts in the window grouped by every slice dimension; <paramref name="receiver"/> null for all.</summary>
    public IReadOnlyList<AggregateSlice> Slices(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var merged = new Dictionary<(long, int, long, long, long, long, long, long), (long N, long First, long Last)>();
        using var c = _open();
        if (w.HasWholeHours)
        {
            var filter = receiverId is null ? "" : " AND receiver_id = @r";
            ReadSlices(c, $"SELECT {SliceColumns}, CAST(SUM(n) AS bigint), MIN(first_ts), MAX(last_ts) FROM hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY {SliceColumns};",
                w.FirstHour, w.EndHour, receiverId, merged);
        }
        foreach (var (from, to) in w.Edges())
        {
            var filter = receiverId is null ? "" : " AND receiver_id = @r";
            ReadSlices(c, $"SELECT {SliceColumns}, COUNT(*), MIN(ts), MAX(ts) FROM events WHERE ts >= @a AND ts < @b AND superseded = 0{filter} GROUP BY {SliceColumns};",
                from, to, receiverId, merged);
        }
        var result = new List<AggregateSlice>(merged.Count);
        foreach (var (k, v) in merged)
        {
            result.Add(new AggregateSlice(
                _names.ValueOf(k.Item1) ?? "unknown", (DeliveryAction)k.Item2, _names.ValueOf(k.Item3) ?? "undefined",
                _names.ValueOf(k.Item4) ?? "none", _names.ValueOf(k.Item5), _names.ValueOf(k.Item6) ?? string.Empty, k.Item6,
                _names.ValueOf(k.Item7), _names.ValueOf(k.Item8), v.N,
                DateTimeOffset.FromUnixTimeSeconds(v.First), DateTimeOffset.FromUnixTimeSeconds(v.Last)));
        }
        return result;
    }

    private static void ReadSlices(DbConnection c, string sql, long a, long b, long? receiverId,
        Dictionary<(long, int, long, long, long, long, long, long), (long N, long First, long Last)> merged) =>
        ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
            var n = reader.GetInt64(8);
            var first = reader.GetInt64(9);
            var last = reader.GetInt64(10);
            merged[key] = merged.TryGetValue(key, out var v) ? (v.N + n, Math.Min(v.First, first), Math.Max(v.Last, last)) : (n, first, last);
        });

    /// <summary>Runs a window query (<c>@a</c>, <c>@b</c>, and <c>@r</c> when a receiver is given) and hands each row to <paramref name="row"/>.</summary>
    private static void ForEachRow(DbConnection c, string sql, long a, long b, long? receiverId, Action<DbDataReader> row)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "@a", a);
        Add(cmd, "@b", b);
        if (receiverId is { } r) Add(cmd, "@r", r);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) row(reader);
    }

    /// <summary>Adds a 64-bit integer parameter (every provider takes <see cref="DbType.Int64"/>).</summary>
    private static DbParameter Add(DbCommand cmd, string name, long? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = DbType.Int64;
        p.Value = value is { } v ? v : DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    private object? Scalar(string sql)
    {
        using var c = _open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }
}
