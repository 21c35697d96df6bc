using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Core.Charts;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;

namespace DeliverabilityBot.Store.Tests.Reading;

/// <summary>
/// The chart's time series from a real store: per hour and sending IP, attempts and messages add up to what the events
/// say for aligned and ragged windows; the timeline puts them into hourly or daily buckets without holes.
/// </summary>
public class HourlyTrafficTests
{
    private const string IpA = "203.0.113.7";
    private const string IpB = "203.0.113.8";

    /// <summary>The database; <see cref="PostgresHourlyTrafficTests"/> runs them all again on PostgreSQL.</summary>
    protected virtual StoreBackend Backend => StoreBackend.Sqlite;

    // 10:00-11:58 from A: every third deferred, the rest delivered; 11:00-11:09 from B: bounced; 12:05 a message from A
    // deferred, then delivered at 12:30 (one message, two attempts).
    private static List<StoredEvent> Events()
    {
        var events = new List<StoredEvent>();
        for (var i = 0; i < 60; i++)
            events.Add(TempStore.Event(i * 2, i % 3 == 0 ? DeliveryAction.Delayed : DeliveryAction.Delivered, recipient: $"a{i}@icloud.com", sendingIp: IpA));
        for (var i = 0; i < 10; i++)
            events.Add(TempStore.Event(60 + i, DeliveryAction.Failed, recipient: $"b{i}@icloud.com", reply: "550 5.7.1 blocked", sendingIp: IpB));
        events.Add(TempStore.Event(125, DeliveryAction.Delayed, recipient: "late@icloud.com", messageId: "M1", sendingIp: IpA));
        events.Add(TempStore.Event(150, DeliveryAction.Delivered, recipient: "late@icloud.com", messageId: "M1", sendingIp: IpA));
        return events;
    }

    private TempStore Filled()
    {
        var t = new TempStore(1000, Backend);
        using var w = t.Store.CreateWriter();
        foreach (var e in Events()) w.Add(e);
        return t;
    }

    [SkippableTheory]
    [InlineData(0, 180)]   // whole hours: rollups only
    [InlineData(15, 165)]  // ragged both ends: rollups and events
    [InlineData(20, 50)]   // inside one hour: events only
    public void HourlyTraffic_AnyWindow_AttemptsAndMessagesMatchTheEvents(int fromMinute, int toMinute)
    {
        using var t = Filled();
        var window = new TimeWindow(TempStore.T0.AddMinutes(fromMinute), TempStore.T0.AddMinutes(toMinute));
        var inWindow = Events().Where(e => e.Timestamp >= window.From && e.Timestamp < window.To).ToList();

        var rows = t.Store.Reader.HourlyTraffic(window, "icloud");

        Assert.Equal(inWindow.Count, rows.Sum(r => r.Attempts));
        foreach (var ip in new[] { IpA, IpB })
        {
            var mine = inWindow.Where(e => e.SendingIp == ip).ToList();
            var theirs = rows.Where(r => r.SendingIp == ip).ToList();
            Assert.Equal(mine.Count(e => e.Action == DeliveryAction.Delayed), theirs.Sum(r => r.Deferred));
            Assert.Equal(mine.Count(e => e.Action == DeliveryAction.Failed), theirs.Sum(r => r.Bounced));
            Assert.Equal(mine.Count(e => e.Action == DeliveryAction.Delivered), theirs.Sum(r => r.Delivered));
        }

        // A message (queue id and recipient) counts in the hour of its first evidence: M1 (12:05) once, though it had two attempts.
        var firstSeen = Events().GroupBy(e => (e.MessageId, e.Recipient)).Select(g => g.Min(e => e.Timestamp)).Count(ts => ts >= window.From && ts < window.To);
        Assert.Equal(firstSeen, rows.Sum(r => r.Messages.Total));
        Assert.All(rows, r => Assert.Equal(r.Hour, new DateTimeOffset(r.Hour.Year, r.Hour.Month, r.Hour.Day, r.Hour.Hour, 0, 0, TimeSpan.Zero)));
        Assert.Equal(rows.OrderBy(r => r.Hour).Select(r => r.Hour), rows.Select(r => r.Hour));
    }

    [SkippableFact]
    public void HourlyTraffic_DeferredThenDelivered_OneAffectedDeliveredMessage()
    {
        using var t = Filled();
        var noon = t.Store.Reader.HourlyTraffic(new TimeWindow(TempStore.T0.AddHours(2), TempStore.T0.AddHours(3)), "icloud");

        var row = Assert.Single(noon);
        Assert.Equal(IpA, row.SendingIp);
        Assert.Equal((2L, 1L, 1L), (row.Attempts, row.Deferred, row.Delivered));
        Assert.Equal(new MessageCounts(1, 1, 0, 0, 0, 1), row.Messages);
    }

    [SkippableFact]
    public void HourlyTraffic_UnknownReceiver_Empty()
    {
        using var t = Filled();
        Assert.Empty(t.Store.Reader.HourlyTraffic(new TimeWindow(TempStore.T0, TempStore.T0.AddHours(3)), "gmail"));
    }

    [SkippableFact]
    public void Timeline_ThreeHoursByIp_HourlyBucketsWithoutHolesAndIpsByVolume()
    {
        using var t = Filled();
        var window = new TimeWindow(TempStore.T0.AddHours(-1), TempStore.T0.AddHours(4));
        var timeline = new TimelineService(t.Store).Timeline(new TimelineRequest("icloud", window, BySendingIp: true));

        Assert.Equal(TimeSpan.FromHours(1), timeline.BucketWidth);
        Assert.Equal(Enumerable.Range(-1, 5).Select(h => TempStore.T0.AddHours(h)), timeline.Total.Buckets.Select(b => b.Start));
        Assert.Equal([0L, 30, 40, 2, 0], timeline.Total.Buckets.Select(b => b.Attempts));
        Assert.Null(timeline.Total.Buckets[0].DeferredPercent); // no traffic: a gap, not 0%
        Assert.Equal(100.0 * 10 / 30, timeline.Total.Buckets[1].DeferredPercent!.Value, 6);
        Assert.Equal(25.0, timeline.Total.Buckets[2].BouncedPercent!.Value, 6);
        Assert.Equal([IpA, IpB], timeline.BySendingIp.Select(s => s.Key));
        Assert.Equal(10, timeline.BySendingIp[1].Total.Bounced);
        Assert.Equal(0, timeline.OtherSendingIps);
    }

    [SkippableFact]
    public void Timeline_OneIp_OnlyItsTraffic()
    {
        using var t = Filled();
        var window = new TimeWindow(TempStore.T0, TempStore.T0.AddHours(3));
        var timeline = new TimelineService(t.Store).Timeline(new TimelineRequest("icloud", window, SendingIp: IpB));

        Assert.Equal(10, timeline.Total.Attempts);
        Assert.Equal(10, timeline.Total.Total.Bounced);
        Assert.Equal(100.0, timeline.Total.Buckets[1].FailedMessagesPercent);
    }

    [SkippableFact]
    public void Timeline_FourDays_DailyBucketsFromMidnightUtc()
    {
        using var t = Filled();
        var window = new TimeWindow(TempStore.T0.AddDays(-2), TempStore.T0.AddDays(2));
        var timeline = new TimelineService(t.Store).Timeline(new TimelineRequest(null, window));

        Assert.Equal(TimeSpan.FromDays(1), timeline.BucketWidth);
        var midnight = new DateTimeOffset(TempStore.T0.Date, TimeSpan.Zero);
        Assert.Equal(Enumerable.Range(-2, 5).Select(d => midnight.AddDays(d)), timeline.Total.Buckets.Select(b => b.Start));
        Assert.Equal(Events().Count, timeline.Total.Buckets[2].Attempts);
    }

    [Fact]
    public void Timeline_EmptyOrTooLongWindow_SaysWhy()
    {
        var empty = Assert.Throws<ArgumentException>(() => TimelineService.Build(new TimelineRequest(null, new TimeWindow(TempStore.T0, TempStore.T0)), []));
        Assert.Contains("is empty", empty.Message, StringComparison.Ordinal);
        var year = Assert.Throws<ArgumentException>(() => TimelineService.Build(new TimelineRequest(null, new TimeWindow(TempStore.T0, TempStore.T0.AddDays(400))), []));
        Assert.Contains("at most 366 days", year.Message, StringComparison.Ordinal);
    }
}

/// <summary>The same on PostgreSQL (skipped where no server can start; a failure where CI=true).</summary>
public sealed class PostgresHourlyTrafficTests : HourlyTrafficTests
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
