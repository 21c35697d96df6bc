using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Charts;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Charts.Tests;

/// <summary>Charts as the bot builds them (through <see cref="RateChart"/>) from made-up timelines.</summary>
internal static class SampleCharts
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A day of iCloud traffic: quiet, then deferrals climbing to 62% from 08:00, a few bounces at 11:00, one hour without traffic.</summary>
    public static RateTimeline Day()
    {
        var buckets = Enumerable.Range(0, 24).Select(h =>
        {
            var start = T0.AddHours(h);
            if (h == 5) return RateBucket.Empty(start);
            var attempts = 400L + 20 * h;
            var deferred = h < 8 ? attempts / 100 : attempts * Math.Min(62, 10 + 6 * (h - 8)) / 100;
            var bounced = h == 11 ? 24 : 0;
            var messages = attempts * 3 / 4;
            var delayed = deferred * 3 / 5;
            return new RateBucket(start, attempts, attempts - deferred - bounced, deferred, bounced,
                new MessageCounts(messages, messages - bounced / 2, bounced / 2, 0, delayed / 4, delayed + bounced / 2));
        }).ToList();
        return new RateTimeline
        {
            Receiver = "icloud", Window = new TimeWindow(T0, T0.AddDays(1)), BucketWidth = TimeSpan.FromHours(1),
            Total = new RateSeries("icloud", buckets),
        };
    }

    /// <summary>A week by sending IP (daily buckets): one IP in trouble, two healthy.</summary>
    public static RateTimeline WeekByIp()
    {
        RateSeries Ip(string ip, int deferredPercent) => new(ip, Enumerable.Range(0, 7).Select(d =>
            new RateBucket(T0.AddDays(d), 10_000, 10_000 - 100 * deferredPercent, 100 * deferredPercent, 0, new MessageCounts(8_000, 8_000, 0, 0, 0, 40 * deferredPercent))).ToList());
        var ips = new[] { Ip("203.0.113.7", 45), Ip("203.0.113.8", 2), Ip("2001:db8::25", 1) };
        var total = new RateSeries("icloud", Enumerable.Range(0, 7).Select(d => ips.Select(s => s.Buckets[d]).Aggregate((a, b) => a.Plus(b))).ToList());
        return new RateTimeline
        {
            Receiver = "icloud", Window = new TimeWindow(T0, T0.AddDays(7)), BucketWidth = TimeSpan.FromDays(1),
            Total = total, BySendingIp = ips,
        };
    }

    public static ChartBlock DayChart() => RateChart.Build(Day(), "iCloud Mail (Apple)");

    public static ChartBlock WeekByIpChart() => RateChart.Build(WeekByIp(), "iCloud Mail (Apple)");
}
