using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Schema;

namespace DeliverabilityBot.Store.Reading;

public sealed partial class StoreReader
{
    /// <summary>
    /// Attempts and messages per UTC hour and sending IP in the window (receiver null: all), oldest first. Whole hours
    /// come from the hourly rollups (<c>hourly</c>, <c>messages_hourly</c>), the ragged edges from the events and messages
    /// themselves, so a chart's buckets add up to what <see cref="Slices"/> and <see cref="Messages"/> count.
    /// </summary>
    public IReadOnlyList<HourlyTraffic> HourlyTraffic(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var filter = receiverId is null ? "" : " AND receiver_id = @r";
        var attempts = new Dictionary<(long Hour, long Ip), (long Delivered, long Deferred, long Bounced, long Other)>();
        var messages = new Dictionary<(long Hour, long Ip), MessageCounts>();
        using var c = _open();
        void ReadAttempts(string sql, long a, long b) => ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt64(1));
            var n = reader.GetInt64(3);
            var v = attempts.GetValueOrDefault(key);
            attempts[key] = (DeliveryAction)reader.GetInt32(2) switch
            {
                DeliveryAction.Delivered or DeliveryAction.Relayed => v with { Delivered = v.Delivered + n },
                DeliveryAction.Delayed => v with { Deferred = v.Deferred + n },
                DeliveryAction.Failed => v with { Bounced = v.Bounced + n },
                _ => v with { Other = v.Other + n },
            };
        });
        void ReadMessages(string sql, long a, long b) => ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt64(1));
            var n = reader.GetInt64(4);
            var m = messages.GetValueOrDefault(key) ?? MessageCounts.None;
            var affected = reader.GetInt32(3) != 0 ? n : 0;
            messages[key] = (MessageOutcome)reader.GetInt32(2) switch
            {
                MessageOutcome.Delivered => m with { Total = m.Total + n, Delivered = m.Delivered + n, Affected = m.Affected + affected },
                MessageOutcome.Bounced => m with { Total = m.Total + n, Bounced = m.Bounced + n, Affected = m.Affected + affected },
                MessageOutcome.Expired => m with { Total = m.Total + n, Expired = m.Expired + n, Affected = m.Affected + affected },
                _ => m with { Total = m.Total + n, Pending = m.Pending + n, Affected = m.Affected + affected },
            };
        });
        if (w.HasWholeHours)
        {
            ReadAttempts($"SELECT hour, sending_ip_id, action, CAST(SUM(n) AS bigint) FROM hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY hour, sending_ip_id, action;", w.FirstHour, w.EndHour);
            ReadMessages($"SELECT hour, sending_ip_id, outcome, affected, CAST(SUM(n) AS bigint) FROM messages_hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY hour, sending_ip_id, outcome, affected;", w.FirstHour, w.EndHour);
        }
        foreach (var (from, to) in w.Edges())
        {
            ReadAttempts($"SELECT ts / 3600, sending_ip_id, action, COUNT(*) FROM events WHERE ts >= @a AND ts < @b AND superseded = 0{filter} GROUP BY ts / 3600, sending_ip_id, action;", from, to);
            ReadMessages($"SELECT first_ts / 3600, sending_ip_id, outcome, CASE WHEN outcome <> 1 OR deferrals > 0 THEN 1 ELSE 0 END, COUNT(*) FROM messages WHERE first_ts >= @a AND first_ts < @b{filter} GROUP BY 1, 2, 3, 4;", from, to);
        }
        var result = new List<HourlyTraffic>(attempts.Count + messages.Count);
        foreach (var key in attempts.Keys.Union(messages.Keys).OrderBy(k => k.Hour).ThenBy(k => k.Ip))
        {
            var a = attempts.GetValueOrDefault(key);
            var m = messages.GetValueOrDefault(key) ?? MessageCounts.None;
            var total = a.Delivered + a.Deferred + a.Bounced + a.Other;
            if (total <= 0 && m.Total <= 0) continue;
            result.Add(new HourlyTraffic(DateTimeOffset.FromUnixTimeSeconds(key.Hour * 3600), _names.ValueOf(key.Ip),
                total, a.Delivered, a.Deferred, a.Bounced, m));
        }
        return result;
    }
}
