using System.Globalization;
using System.Text;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Core.Charts;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>
/// Turns a <see cref="RateTimeline"/> into a <see cref="ChartBlock"/>: deferral (4xx) and bounce (5xx) rates over time in
/// two panels, each in attempts (solid) and in messages (dashed), or one line per sending IP; the attempts per bucket
/// below; and alt text that states the figures (overall rates, the worst bucket with its counts, volumes).
/// </summary>
public static class RateChart
{
    /// <summary>The panel of deferral rates.</summary>
    public const string DeferredPanel = "Deferred (4xx), %";

    /// <summary>The panel of bounce rates.</summary>
    public const string BouncedPanel = "Bounced (5xx), %";

    /// <summary>The chart for <paramref name="timeline"/>; <paramref name="receiverName"/> is how people call the receiver (<c>iCloud</c>, <c>all receivers</c>).</summary>
    public static ChartBlock Build(RateTimeline timeline, string receiverName)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var daily = timeline.BucketWidth >= TimeSpan.FromDays(1);
        var per = daily ? "day" : "hour";
        var subject = receiverName + (timeline.SendingIp is { } ip ? " from " + ip : string.Empty);
        var span = Span(timeline);
        var series = new List<ChartSeries>();
        if (timeline.BySendingIp.Count > 0)
        {
            foreach (var s in timeline.BySendingIp)
                series.Add(new ChartSeries(s.Key, Points(s, b => b.DeferredPercent)) { Panel = DeferredPanel, Group = s.Key });
            foreach (var s in timeline.BySendingIp)
                series.Add(new ChartSeries(s.Key, Points(s, b => b.BouncedPercent)) { Panel = BouncedPanel, Group = s.Key });
        }
        else
        {
            series.Add(new ChartSeries("attempts deferred", Points(timeline.Total, b => b.DeferredPercent)) { Panel = DeferredPanel, Group = "attempts" });
            series.Add(new ChartSeries("messages delayed", Points(timeline.Total, b => b.DelayedMessagesPercent)) { Panel = DeferredPanel, Group = "messages", Style = ChartStyle.DashedLine });
            series.Add(new ChartSeries("attempts bounced", Points(timeline.Total, b => b.BouncedPercent)) { Panel = BouncedPanel, Group = "attempts" });
            series.Add(new ChartSeries("messages bounced or expired", Points(timeline.Total, b => b.FailedMessagesPercent)) { Panel = BouncedPanel, Group = "messages", Style = ChartStyle.DashedLine });
        }
        series.Add(new ChartSeries("attempts", timeline.Total.Buckets.Select(b => new ChartPoint(b.Start, b.Attempts)).ToList())
        {
            Panel = "Attempts", Group = "volume", Style = ChartStyle.Bars, IsPercent = false,
        });

        var title = $"{subject}: deferral and bounce rates per {per}{(timeline.BySendingIp.Count > 0 ? " by sending IP" : string.Empty)}, {span}";
        return new ChartBlock(AltText(timeline, subject, per, span), series)
        {
            Title = title,
            BucketWidth = timeline.BucketWidth,
            Source = new ChartSource(timeline.Receiver, timeline.Window.From, timeline.Window.To, timeline.SendingIp, timeline.BySendingIp.Count > 0),
        };
    }

    /// <summary>The alt text: what is plotted, over when, and its figures.</summary>
    public static string AltText(RateTimeline timeline, string subject, string per, string span)
    {
        var total = timeline.Total.Total;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Chart of deferred and bounced shares per {per} for {subject}, {span}: {Numbers.Count(total.Attempts)} attempts, {Numbers.Count(total.Messages.Total)} messages. ");
        if (total.Attempts == 0)
        {
            sb.Append("No attempts in the window.");
            return sb.ToString();
        }

        if (timeline.BySendingIp.Count > 0)
        {
            sb.Append(timeline.BySendingIp.Count == 1 ? "One sending IP: " : $"{timeline.BySendingIp.Count} sending IPs: ");
            sb.Append(string.Join("; ", timeline.BySendingIp.Select(s => $"{s.Key} {Rates(s, per)}")));
            sb.Append(timeline.OtherSendingIps > 0 ? $"; {timeline.OtherSendingIps} more IPs not drawn." : ".");
            return sb.ToString();
        }

        if (timeline.SplitBySendingIp)
            sb.Append("No attempt in the window has a known sending IP (Postfix does not log it: ingest with --mta-config, see the README), so all of them are one line. ");
        var rates = Rates(timeline.Total, per);
        sb.Append(char.ToUpperInvariant(rates[0])).Append(rates.AsSpan(1)).Append(". ");
        sb.Append(CultureInfo.InvariantCulture,
            $"In messages: {Numbers.Share(total.DelayedMessages, total.Messages.Total)} delayed (delivered late or still queued), {Numbers.Share(total.FailedMessages, total.Messages.Total)} bounced or expired.");
        return sb.ToString();
    }

    // "deferred 31% of 2,000 attempts (worst hour 2026-11-28 10:00 UTC: 62 of 100, 62%), bounced 0%"
    private static string Rates(RateSeries s, string per)
    {
        var t = s.Total;
        return $"deferred {Numbers.Percent(t.Deferred, t.Attempts)} of {Numbers.Count(t.Attempts)} attempts{Worst(s, per, b => b.Deferred)}, bounced {Numbers.Percent(t.Bounced, t.Attempts)}{Worst(s, per, b => b.Bounced)}";
    }

    private static string Worst(RateSeries s, string per, Func<RateBucket, long> part)
    {
        var worst = s.Buckets.Where(b => b.Attempts > 0 && part(b) > 0)
            .OrderByDescending(b => (double)part(b) / b.Attempts).ThenByDescending(part).ThenBy(b => b.Start).FirstOrDefault();
        if (worst is null || s.Buckets.Count(b => b.Attempts > 0) < 2) return string.Empty;
        return $" (worst {per} {When(worst.Start, per == "day")}: {Numbers.Share(part(worst), worst.Attempts)})";
    }

    private static IReadOnlyList<ChartPoint> Points(RateSeries s, Func<RateBucket, double?> value) =>
        s.Buckets.Select(b => new ChartPoint(b.Start, value(b) is { } v ? Math.Round(v, 2) : null)).ToList();

    private static string Span(RateTimeline t) => Numbers.Window(t.Window);

    private static string When(DateTimeOffset t, bool daily) =>
        daily ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Numbers.Time(t);
}
