using System.Data.Common;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Schema;

namespace DeliverabilityBot.Store.Reading;

public sealed partial class StoreReader
{
    private const string MessageColumns = "receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id";

    /// <summary>
    /// Messages first seen in the window, grouped by every message dimension; <paramref name="receiver"/> null for all.
    /// Whole hours come from the hourly message rollups, the ragged edges from the messages themselves.
    /// </summary>
    public IReadOnlyList<MessageSlice> Messages(TimeWindow window, string? receiver)
    {
        long? receiverId = null;
        if (receiver is not null && (receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var merged = new Dictionary<(long, int, int, long, long, long, long), long>();
        var filter = receiverId is null ? "" : " AND receiver_id = @r";
        using var c = _open();
        if (w.HasWholeHours)
            ReadMessages(c, $"SELECT {MessageColumns}, CAST(SUM(n) AS bigint) FROM messages_hourly WHERE hour >= @a AND hour < @b{filter} GROUP BY {MessageColumns};",
                w.FirstHour, w.EndHour, receiverId, merged);
        foreach (var (from, to) in w.Edges())
            ReadMessages(c, $"SELECT receiver_id, outcome, CASE WHEN outcome <> 1 OR deferrals > 0 THEN 1 ELSE 0 END, ruleset_id, sending_ip_id, sender_domain_id, stream_id, COUNT(*) FROM messages WHERE first_ts >= @a AND first_ts < @b{filter} GROUP BY 1, 2, 3, 4, 5, 6, 7;",
                from, to, receiverId, merged);
        var result = new List<MessageSlice>(merged.Count);
        foreach (var (k, n) in merged)
        {
            if (n <= 0) continue;
            result.Add(new MessageSlice(
                _names.ValueOf(k.Item1) ?? "unknown", (MessageOutcome)k.Item2, k.Item3 != 0, _names.ValueOf(k.Item4) ?? string.Empty, k.Item4,
                _names.ValueOf(k.Item5), _names.ValueOf(k.Item6), _names.ValueOf(k.Item7), n));
        }
        return result;
    }

    /// <summary>Total messages stored.</summary>
    public long MessageCount()
    {
        return (long)Scalar("SELECT COUNT(*) FROM messages;")!;
    }

    /// <summary>Totals of message slices by outcome.</summary>
    public static MessageCounts Count(IEnumerable<MessageSlice> slices)
    {
        long total = 0, delivered = 0, bounced = 0, expired = 0, pending = 0, affected = 0;
        foreach (var s in slices)
        {
            total += s.Count;
            if (s.Affected) affected += s.Count;
            switch (s.Outcome)
            {
                case MessageOutcome.Delivered: delivered += s.Count; break;
                case MessageOutcome.Bounced: bounced += s.Count; break;
                case MessageOutcome.Expired: expired += s.Count; break;
                default: pending += s.Count; break;
            }
        }
        return new MessageCounts(total, delivered, bounced, expired, pending, affected);
    }

    private static void ReadMessages(DbConnection c, string sql, long a, long b, long? receiverId,
        Dictionary<(long, int, int, long, long, long, long), long> merged) =>
        ForEachRow(c, sql, a, b, receiverId, reader =>
        {
            var key = (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            merged[key] = merged.GetValueOrDefault(key) + reader.GetInt64(7);
        });
}
