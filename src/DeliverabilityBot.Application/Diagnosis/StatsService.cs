using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Reading;

namespace DeliverabilityBot.Application.Diagnosis;

/// <summary><c>dbot stats</c>: attempts, delivered, deferred and bounced by receiver, reason, sending IP, sender domain and hour.</summary>
public sealed class StatsService(IHistoryStore store)
{
    /// <summary>Counts for a receiver (null: all) over a window.</summary>
    public StatsReport Stats(string? receiver, TimeWindow window)
    {
        var slices = store.Reader.Slices(window, receiver);
        var hourly = store.Reader.Hourly(window, receiver);
        var messages = store.Reader.Messages(window, receiver);
        return new StatsReport
        {
            Receiver = receiver,
            Window = window,
            Messages = StoreReader.Count(messages),
            Total = Row("total", slices.Select(s => (s.Action, s.Count))),
            ByReceiver = WithMessages(Group(slices, s => s.Receiver), messages, m => m.Receiver),
            ByReason = Group(slices.Where(s => s.Action is DeliveryAction.Failed or DeliveryAction.Delayed).ToList(), s => s.Reason),
            BySendingIp = WithMessages(Group(slices, s => s.SendingIp ?? StatsReport.NotRecorded), messages, m => m.SendingIp ?? StatsReport.NotRecorded),
            BySenderDomain = WithMessages(Group(slices, s => s.SenderDomain ?? StatsReport.NotRecorded), messages, m => m.SenderDomain ?? StatsReport.NotRecorded),
            ByStream = messages.GroupBy(m => m.Stream ?? StatsReport.NotRecorded, StringComparer.Ordinal)
                .Select(g => new StatsRow(g.Key, 0, 0, 0, 0, StoreReader.Count(g))).OrderByDescending(r => r.Messages!.Total).ToList(),
            ByHour = hourly.GroupBy(h => h.Hour)
                .Select(g => Row(g.Key.ToString("yyyy-MM-dd'T'HH':00Z'", System.Globalization.CultureInfo.InvariantCulture), g.Select(h => (h.Action, h.Count))))
                .ToList(),
        };
    }

    // Each row gets the messages of its key (a key with messages but no attempts in the window gets a row of its own).
    private static List<StatsRow> WithMessages(List<StatsRow> rows, IReadOnlyList<MessageSlice> messages, Func<MessageSlice, string> key)
    {
        var byKey = messages.GroupBy(key).ToDictionary(g => g.Key, g => StoreReader.Count(g), StringComparer.Ordinal);
        var result = rows.Select(r => r with { Messages = byKey.GetValueOrDefault(r.Key) ?? MessageCounts.None }).ToList();
        foreach (var (k, m) in byKey)
            if (!rows.Any(r => r.Key == k)) result.Add(new StatsRow(k, 0, 0, 0, 0, m));
        return result;
    }

    private static List<StatsRow> Group(IReadOnlyList<AggregateSlice> slices, Func<AggregateSlice, string> key) =>
        slices.GroupBy(key).Select(g => Row(g.Key, g.Select(s => (s.Action, s.Count))))
            .OrderByDescending(r => r.Attempts).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    private static StatsRow Row(string key, IEnumerable<(DeliveryAction Action, long Count)> counts)
    {
        long attempts = 0, delivered = 0, deferred = 0, bounced = 0;
        foreach (var (action, n) in counts)
        {
            attempts += n;
            if (action is DeliveryAction.Delivered or DeliveryAction.Relayed) delivered += n;
            else if (action == DeliveryAction.Delayed) deferred += n;
            else if (action == DeliveryAction.Failed) bounced += n;
        }
        return new StatsRow(key, attempts, delivered, deferred, bounced);
    }
}
