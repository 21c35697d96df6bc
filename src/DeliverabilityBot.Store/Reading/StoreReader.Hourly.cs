using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Schema;

namespace DeliverabilityBot.Store.Reading;

/// <summary>Attempts in one UTC hour with one outcome.</summary>
public sealed record HourlyCount(DateTimeOffset Hour, DeliveryAction Action, long Count);

public sealed partial class StoreReader
{
    /// <summary>Attempts per UTC hour and outcome in the window, oldest first.</summary>
    public IReadOnlyList<HourlyCount> Hourly(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var counts = new Dictionary<(long Hour, int Action), long>();
        var filter = receiverId is null ? "" : " AND receiver_id = @r";
        using var c = _open();
        void Read(string sql, long a, long b) => ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt32(1));
            counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(2);
        });
        if (w.HasWholeHours)
            Read($"SELECT hour, action, CAST(SUM(n) AS bigint) FROM hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY hour, action;", w.FirstHour, w.EndHour);
        foreach (var (from, to) in w.Edges())
            Read($"SELECT ts / 3600, action, COUNT(*) FROM events WHERE ts >= @a AND ts < @b AND superseded = 0{filter} GROUP BY ts / 3600, action;", from, to);
        return counts.OrderBy(p => p.Key.Hour).ThenBy(p => p.Key.Action)
            .Select(p => new HourlyCount(DateTimeOffset.FromUnixTimeSeconds(p.Key.Hour * 3600), (DeliveryAction)p.Key.Action, p.Value))
            .ToList();
    }
}
