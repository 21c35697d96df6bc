using System.Globalization;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// The day partitions of <c>events</c> (<c>events_dYYYYMMDD</c>, one UTC day of <c>ts</c> each): created as a writer first
/// needs one, dropped whole by retention. One writer's, inside its transaction (writers take turns, so no two create one).
/// </summary>
internal sealed class PostgresPartitions(NpgsqlConnection connection)
{
    private const long Day = 86_400;
    private readonly HashSet<long> _days = Load(connection);

    /// <summary>Creates the partition holding <paramref name="ts"/> when it is missing.</summary>
    public void Ensure(long ts, NpgsqlTransaction tx)
    {
        var day = DayOf(ts);
        if (_days.Contains(day)) return;
        using var cmd = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {Name(day)} PARTITION OF events FOR VALUES FROM ({day * Day}) TO ({(day + 1) * Day});", connection, tx);
        cmd.ExecuteNonQuery();
        _days.Add(day);
    }

    /// <summary>Drops every partition wholly before <paramref name="cutoff"/>.</summary>
    public void DropBefore(long cutoff, NpgsqlTransaction tx)
    {
        foreach (var day in _days.Where(d => (d + 1) * Day <= cutoff).ToList())
        {
            using var cmd = new NpgsqlCommand($"DROP TABLE IF EXISTS {Name(day)};", connection, tx);
            cmd.ExecuteNonQuery();
            _days.Remove(day);
        }
    }

    /// <summary>Re-reads the partitions (after a rollback).</summary>
    public void Reload()
    {
        _days.Clear();
        _days.UnionWith(Load(connection));
    }

    private static long DayOf(long ts) => Math.DivRem(ts, Day, out var rem) - (rem < 0 ? 1 : 0);

    private static string Name(long day) =>
        "events_d" + DateTimeOffset.FromUnixTimeSeconds(day * Day).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static HashSet<long> Load(NpgsqlConnection c)
    {
        var days = new HashSet<long>();
        using var cmd = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'events' AND p.relnamespace = current_schema()::regnamespace;
            """, c);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var name = r.GetString(0);
            if (name.StartsWith("events_d", StringComparison.Ordinal)
                && DateTimeOffset.TryParseExact(name[8..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                days.Add(date.ToUnixTimeSeconds() / Day);
        }
        return days;
    }
}
