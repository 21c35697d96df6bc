using DeliverabilityBot.Core.Charts;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Reading;

namespace DeliverabilityBot.Application.Diagnosis;

/// <summary>
/// Deferral and bounce rates over time for charts (<c>dbot why --chart</c>, <c>dbot timeline</c>, the chat): the
/// store's hourly counts per sending IP, put into hourly or daily UTC buckets with no holes, as a total series and
/// (when asked) one series per sending IP.
/// </summary>
public sealed class TimelineService(IHistoryStore store)
{
    /// <summary>The rate timeline for <paramref name="request"/> (its receiver already normalised to an id).</summary>
    /// <exception cref="ArgumentException">The window is empty or longer than <see cref="TimelineRequest.MaxWindow"/>.</exception>
    public RateTimeline Timeline(TimelineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Build(request, store.Reader.HourlyTraffic(request.Window, request.Receiver));
    }

    /// <summary>The timeline from hourly rows (the store's, or a test's).</summary>
    public static RateTimeline Build(TimelineRequest request, IReadOnlyList<HourlyTraffic> hours)
    {
        var window = request.Window;
        if (window.To <= window.From)
            throw new ArgumentException($"The chart window {window} is empty: its end must be after its start.", nameof(request));
        if (window.Length > TimelineRequest.MaxWindow)
            throw new ArgumentException($"The chart window {window} is {window.Length.TotalDays:0} days long; charts cover at most {TimelineRequest.MaxWindow.TotalDays:0} days.", nameof(request));

        var width = request.BucketWidth;
        var starts = BucketStarts(window, width);
        var rows = request.SendingIp is null ? hours : hours.Where(h => string.Equals(h.SendingIp, request.SendingIp, StringComparison.OrdinalIgnoreCase)).ToList();
        var total = Series(request.Receiver ?? "all", starts, width, rows);
        IReadOnlyList<RateSeries> byIp = [];
        var others = 0;
        if (request.BySendingIp && request.SendingIp is null)
        {
            var ips = rows.Where(h => h.SendingIp is not null).GroupBy(h => h.SendingIp!, StringComparer.Ordinal)
                .Select(g => (Ip: g.Key, Attempts: g.Sum(h => h.Attempts), Rows: g.ToList()))
                .Where(g => g.Attempts > 0)
                .OrderByDescending(g => g.Attempts).ThenBy(g => g.Ip, StringComparer.Ordinal).ToList();
            byIp = ips.Take(TimelineRequest.MaxSendingIps).Select(g => Series(g.Ip, starts, width, g.Rows)).ToList();
            others = Math.Max(0, ips.Count - TimelineRequest.MaxSendingIps);
        }

        return new RateTimeline
        {
            Receiver = request.Receiver,
            SendingIp = request.SendingIp,
            Window = window,
            BucketWidth = width,
            Total = total,
            SplitBySendingIp = request.BySendingIp && request.SendingIp is null,
            BySendingIp = byIp,
            OtherSendingIps = others,
        };
    }

    // Every bucket start of the window: hours from the hour holding From, or UTC midnights from the day holding From.
    private static List<DateTimeOffset> BucketStarts(Core.Diagnosis.TimeWindow window, TimeSpan width)
    {
        var from = window.From.ToUniversalTime();
        var first = width >= TimeSpan.FromDays(1)
            ? new DateTimeOffset(from.Year, from.Month, from.Day, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(from.Year, from.Month, from.Day, from.Hour, 0, 0, TimeSpan.Zero);
        var starts = new List<DateTimeOffset>();
        for (var t = first; t < window.To; t += width) starts.Add(t);
        return starts;
    }

    private static RateSeries Series(string key, List<DateTimeOffset> starts, TimeSpan width, IEnumerable<HourlyTraffic> rows)
    {
        var buckets = starts.Select(RateBucket.Empty).ToArray();
        var first = starts[0];
        foreach (var h in rows)
        {
            var index = (int)Math.Floor((h.Hour - first).Ticks / (double)width.Ticks);
            if (index < 0 || index >= buckets.Length) continue;
            buckets[index] = buckets[index].Plus(new RateBucket(h.Hour, h.Attempts, h.Delivered, h.Deferred, h.Bounced, h.Messages));
        }
        return new RateSeries(key, buckets);
    }
}
