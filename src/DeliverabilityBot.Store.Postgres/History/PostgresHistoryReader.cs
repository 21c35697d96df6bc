using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Schema;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// The SQLite reader's queries in PostgreSQL: whole hours from the rollups, ragged edges from the attempts (a window
/// touches only the day partitions it covers). Each call uses its own pooled connection.
/// </summary>
internal sealed partial class PostgresHistoryReader(PostgresDatabase database, DimensionNames names) : IHistoryReader
{
    private const string SliceColumns = "receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id";
    private const string MessageColumns = "receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id";

    public DateTimeOffset? LatestEvent()
    {
        var ts = Scalar("SELECT COALESCE((SELECT MAX(ts) FROM events WHERE ts_estimated = 0), (SELECT MAX(ts) FROM events));");
        return ts is long t ? DateTimeOffset.FromUnixTimeSeconds(t) : null;
    }

    public long EventCount() => (long)Scalar("SELECT COUNT(*) FROM events;")!;

    public long MessageCount() => (long)Scalar("SELECT COUNT(*) FROM messages;")!;

    public IReadOnlyList<AggregateSlice> Slices(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var merged = new Dictionary<(long, int, long, long, long, long, long, long), (long N, long First, long Last)>();
        var filter = receiverId is null ? "" : " AND receiver_id = @r";
        using var c = database.OpenConnection();
        void Read(string sql, long a, long b) => ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
            var n = reader.GetInt64(8);
            var first = reader.GetInt64(9);
            var last = reader.GetInt64(10);
            merged[key] = merged.TryGetValue(key, out var v) ? (v.N + n, Math.Min(v.First, first), Math.Max(v.Last, last)) : (n, first, last);
        });
        if (w.HasWholeHours)
            Read($"SELECT {SliceColumns}, SUM(n)::bigint, MIN(first_ts), MAX(last_ts) FROM hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY {SliceColumns};", w.FirstHour, w.EndHour);
        foreach (var (from, to) in w.Edges())
            Read($"SELECT {SliceColumns}, COUNT(*), MIN(ts), MAX(ts) FROM events WHERE ts >= @a AND ts < @b AND superseded = 0{filter} GROUP BY {SliceColumns};", from, to);
        var result = new List<AggregateSlice>(merged.Count);
        foreach (var (k, v) in merged)
        {
            result.Add(new AggregateSlice(
                names.ValueOf(k.Item1) ?? "unknown", (DeliveryAction)k.Item2, names.ValueOf(k.Item3) ?? "undefined",
                names.ValueOf(k.Item4) ?? "none", names.ValueOf(k.Item5), names.ValueOf(k.Item6) ?? string.Empty, k.Item6,
                names.ValueOf(k.Item7), names.ValueOf(k.Item8), v.N,
                DateTimeOffset.FromUnixTimeSeconds(v.First), DateTimeOffset.FromUnixTimeSeconds(v.Last)));
        }
        return result;
    }

    public IReadOnlyList<HourlyCount> Hourly(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var counts = new Dictionary<(long Hour, int Action), long>();
        var filter = receiverId is null ? "" : " AND receiver_id = @r";
        using var c = database.OpenConnection();
        void Read(string sql, long a, long b) => ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt32(1));
            counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(2);
        });
        if (w.HasWholeHours)
            Read($"SELECT hour, action, SUM(n)::bigint FROM hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY hour, action;", w.FirstHour, w.EndHour);
        foreach (var (from, to) in w.Edges())
            Read($"SELECT ts / 3600, action, COUNT(*) FROM events WHERE ts >= @a AND ts < @b AND superseded = 0{filter} GROUP BY ts / 3600, action;", from, to);
        return counts.OrderBy(p => p.Key.Hour).ThenBy(p => p.Key.Action)
            .Select(p => new HourlyCount(DateTimeOffset.FromUnixTimeSeconds(p.Key.Hour * 3600), (DeliveryAction)p.Key.Action, p.Value))
            .ToList();
    }

    public IReadOnlyList<MessageSlice> Messages(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var merged = new Dictionary<(long, int, int, long, long, long, long), long>();
        var filter = receiverId is null ? "" : " AND receiver_id = @r";
        using var c = database.OpenConnection();
        void Read(string sql, long a, long b) => ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            merged[key] = merged.GetValueOrDefault(key) + reader.GetInt64(7);
        });
        if (w.HasWholeHours)
            Read($"SELECT {MessageColumns}, SUM(n)::bigint FROM messages_hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY {MessageColumns};", w.FirstHour, w.EndHour);
        foreach (var (from, to) in w.Edges())
            Read($"SELECT receiver_id, outcome, (outcome <> 1 OR deferrals > 0)::int, ruleset_id, sending_ip_id, sender_domain_id, stream_id, COUNT(*) FROM messages WHERE first_ts >= @a AND first_ts < @b{filter} GROUP BY 1, 2, 3, 4, 5, 6, 7;", from, to);
        var result = new List<MessageSlice>(merged.Count);
        foreach (var (k, n) in merged)
        {
            if (n <= 0) continue;
            result.Add(new MessageSlice(
                names.ValueOf(k.Item1) ?? "unknown", (MessageOutcome)k.Item2, k.Item3 != 0, names.ValueOf(k.Item4) ?? string.Empty, k.Item4,
                names.ValueOf(k.Item5), names.ValueOf(k.Item6), names.ValueOf(k.Item7), n));
        }
        return result;
    }

    private object? Scalar(string sql)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, c);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private static void ForEachRow(NpgsqlConnection c, string sql, long a, long b, long? receiverId, Action<NpgsqlDataReader> row)
    {
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("a", a);
        cmd.Parameters.AddWithValue("b", b);
        if (receiverId is { } r) cmd.Parameters.AddWithValue("r", r);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) row(reader);
    }
}
