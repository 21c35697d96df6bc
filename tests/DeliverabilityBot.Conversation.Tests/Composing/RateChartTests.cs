using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Charts;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Tests.Composing;

public class RateChartTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    private static RateBucket Bucket(int hour, long attempts, long deferred, long bounced, long messages = 0, long affected = 0, long failed = 0) =>
        new(T0.AddHours(hour), attempts, attempts - deferred - bounced, deferred, bounced,
            new MessageCounts(messages, messages - failed, failed, 0, 0, affected));

    private static RateTimeline Timeline(params RateBucket[] buckets) => new()
    {
        Receiver = "icloud", Window = new TimeWindow(T0, T0.AddHours(buckets.Length)), BucketWidth = TimeSpan.FromHours(1),
        Total = new RateSeries("icloud", buckets),
    };

    [Fact]
    public void Build_Hourly_TwoRatePanelsInAttemptsAndMessagesAndVolume()
    {
        var chart = RateChart.Build(Timeline(Bucket(0, 100, 1, 0, 80, 1), RateBucket.Empty(T0.AddHours(1)), Bucket(2, 200, 124, 8, 150, 100, 6)), "iCloud");

        Assert.Equal(["Deferred (4xx), %", "Bounced (5xx), %", "Attempts"], chart.Panels);
        Assert.Equal(["attempts deferred", "messages delayed", "attempts bounced", "messages bounced or expired", "attempts"], chart.Series.Select(s => s.Name));
        Assert.Equal([1.0, null, 62.0], chart.Series[0].Points.Select(p => p.Value));   // the empty hour is a gap
        Assert.Equal([1.25, null, 62.67], chart.Series[1].Points.Select(p => p.Value)); // (100-6)/150 delayed
        Assert.Equal([0.0, null, 4.0], chart.Series[2].Points.Select(p => p.Value));
        Assert.Equal([100.0, 0, 200], chart.Series[4].Points.Select(p => p.Value));
        Assert.Equal(ChartStyle.DashedLine, chart.Series[1].Style);
        Assert.Equal(ChartStyle.Bars, chart.Series[4].Style);
        Assert.False(chart.Series[4].IsPercent);
        Assert.Equal(new ChartSource("icloud", T0, T0.AddHours(3), null, false), chart.Source);
        Assert.Equal(TimeSpan.FromHours(1), chart.BucketWidth);
    }

    [Fact]
    public void Build_AltText_StatesRatesWorstHourAndVolumes()
    {
        var chart = RateChart.Build(Timeline(Bucket(0, 100, 1, 0, 80, 1), Bucket(1, 200, 124, 8, 150, 100, 6)), "iCloud");

        Assert.Equal(
            "Chart of deferred and bounced shares per hour for iCloud, 2026-11-28 00:00 to 2026-11-28 02:00 UTC: 300 attempts, 230 messages. " +
            "Deferred 42% of 300 attempts (worst hour 2026-11-28 01:00 UTC: 124 of 200 (62%)), bounced 2.7% (worst hour 2026-11-28 01:00 UTC: 8 of 200 (4%)). " +
            "In messages: 95 of 230 (41%) delayed (delivered late or still queued), 6 of 230 (2.6%) bounced or expired.",
            chart.AltText);
        Assert.StartsWith("iCloud: deferral and bounce rates per hour, 2026-11-28 00:00 to 2026-11-28 02:00 UTC", chart.Title);
    }

    [Fact]
    public void Build_BySendingIp_OneLinePerIpInBothPanelsAndOthersCounted()
    {
        var a = new RateSeries("203.0.113.7", [Bucket(0, 100, 60, 0), Bucket(1, 100, 40, 0)]);
        var b = new RateSeries("203.0.113.8", [Bucket(0, 50, 0, 5), Bucket(1, 50, 0, 0)]);
        var timeline = new RateTimeline
        {
            Receiver = "icloud", Window = new TimeWindow(T0, T0.AddHours(2)), BucketWidth = TimeSpan.FromHours(1),
            Total = new RateSeries("icloud", [a.Buckets[0].Plus(b.Buckets[0]), a.Buckets[1].Plus(b.Buckets[1])]),
            BySendingIp = [a, b], OtherSendingIps = 2,
        };

        var chart = RateChart.Build(timeline, "iCloud");

        Assert.Equal(["203.0.113.7", "203.0.113.8", "203.0.113.7", "203.0.113.8", "attempts"], chart.Series.Select(s => s.Name));
        Assert.Equal(chart.Series[0].Group, chart.Series[2].Group); // one colour per IP in both panels
        Assert.True(chart.Source!.BySendingIp);
        Assert.Contains("203.0.113.7 deferred 50% of 200 attempts (worst hour 2026-11-28 00:00 UTC: 60 of 100 (60%)), bounced 0%", chart.AltText);
        Assert.Contains("203.0.113.8 deferred 0% of 100 attempts, bounced 5% (worst hour 2026-11-28 00:00 UTC: 5 of 50 (10%))", chart.AltText);
        Assert.EndsWith("; 2 more IPs not drawn.", chart.AltText);
        Assert.Contains("by sending IP", chart.Title);
    }

    [Fact]
    public void Build_Daily_SaysPerDayAndNamesDays()
    {
        var days = Enumerable.Range(0, 4).Select(d => new RateBucket(T0.AddDays(d), 1000, 900, d == 2 ? 100 : 0, 0, MessageCounts.None)).ToArray();
        var timeline = new RateTimeline
        {
            Receiver = null, Window = new TimeWindow(T0, T0.AddDays(4)), BucketWidth = TimeSpan.FromDays(1), Total = new RateSeries("all", days),
        };

        var chart = RateChart.Build(timeline, "all receivers");

        Assert.Equal(TimeSpan.FromDays(1), chart.BucketWidth);
        Assert.Contains("(worst day 2026-11-30: 100 of 1,000 (10%))", chart.AltText);
    }

    [Fact]
    public void Build_SplitByIpAskedButNoIpKnown_OneLineAndSaysWhy()
    {
        var timeline = Timeline(Bucket(0, 100, 30, 0));
        var chart = RateChart.Build(new RateTimeline
        {
            Receiver = timeline.Receiver, Window = timeline.Window, BucketWidth = timeline.BucketWidth, Total = timeline.Total, SplitBySendingIp = true,
        }, "iCloud");

        Assert.Equal("attempts deferred", chart.Series[0].Name);
        Assert.Contains("No attempt in the window has a known sending IP", chart.AltText);
    }

    [Theory]
    [InlineData("203.0.113.7", true)]
    [InlineData("2001:db8::25", true)]
    [InlineData("1.2.3", false)]
    [InlineData("7", false)]
    [InlineData("example.com", false)]
    public void IsIpAddress_AsLogsWriteThem(string text, bool expected) => Assert.Equal(expected, TimelineRequest.IsIpAddress(text));

    [Fact]
    public void Build_NoAttempts_AltTextSaysSo()
    {
        var chart = RateChart.Build(Timeline(RateBucket.Empty(T0), RateBucket.Empty(T0.AddHours(1))), "iCloud");
        Assert.EndsWith("No attempts in the window.", chart.AltText);
        Assert.True(chart.IsEmpty);
    }
}
