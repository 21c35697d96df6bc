using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeliverabilityBot.Conversation.Composing;
using DeliverabilityBot.Core.Charts;

namespace DeliverabilityBot.Cli.Commands.History;

/// <summary>
/// <c>dbot timeline [RECEIVER] [--since 24h] [--ip IP | --by-ip] [--chart FILE.png] [--json]</c>: deferral and bounce
/// rates per hour (per day over 3 days), in attempts and in messages, as a table, JSON or a PNG chart.
/// </summary>
public static class TimelineCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the timeline as JSON (window, bucket width, buckets with attempts and messages by outcome)." };
        var chart = ChartOptions.Chart("the timeline");
        var ip = ChartOptions.Ip();
        var byIp = ChartOptions.ByIp();
        return WindowCommand.Create(
            "timeline", "Deferral and bounce rates over time (per hour, or per day over 3 days; UTC), in attempts and messages; --chart draws them.",
            [json, chart, ip, byIp], c =>
            {
                var file = c.Parse.GetValue(chart);
                var address = c.Parse.GetValue(ip);
                if (Problem(file, address, c.Parse.GetValue(byIp)) is { } problem)
                {
                    c.Error.WriteLine($"dbot timeline: {problem}");
                    return 2;
                }

                var request = new TimelineRequest(c.Receiver, c.Window, address, c.Parse.GetValue(byIp));
                RateTimeline timeline;
                try
                {
                    timeline = c.Runtime.Timeline.Timeline(request);
                }
                catch (ArgumentException ex)
                {
                    c.Error.WriteLine($"dbot timeline: {ex.Message}");
                    return 2;
                }

                var name = c.Receiver is null ? "all receivers" : Output.ReceiverNames.Of(c.Runtime.Receivers, c.Receiver);
                if (c.Parse.GetValue(json)) c.Output.WriteLine(JsonSerializer.Serialize(ToJson(timeline), Json));
                else Write(c.Output, timeline, name);
                if (file is null) return 0;
                if (timeline.IsEmpty)
                {
                    c.Error.WriteLine($"dbot timeline: no attempts or messages for {name} in {HistoryOptions.Describe(c.Window)}; no chart written.");
                    return 1;
                }

                return Output.ChartFile.Write(RateChart.Build(timeline, name), file, c.Parse.GetValue(json) ? c.Error : c.Output, c.Error);
            });
    }

    // The window as from/to (TimeWindow's Previous is another window, without end: not a shape to serialise).
    private static object ToJson(RateTimeline t) => new
    {
        receiver = t.Receiver,
        sendingIp = t.SendingIp,
        from = t.Window.From,
        to = t.Window.To,
        bucketWidth = t.BucketWidth,
        total = t.Total,
        bySendingIp = t.BySendingIp,
        otherSendingIps = t.OtherSendingIps,
    };

    /// <summary>The problem with the chart options, or null.</summary>
    internal static string? Problem(string? file, string? ip, bool byIp) =>
        Output.ChartFile.Problem(file)
        ?? (ip is not null && !TimelineRequest.IsIpAddress(ip) ? $"--ip {ip} is not an IPv4 or IPv6 address" : null)
        ?? (ip is not null && byIp ? "--ip and --by-ip do not go together: one IP, or one line per IP" : null);

    private static void Write(TextWriter w, RateTimeline t, string name)
    {
        var daily = t.BucketWidth >= TimeSpan.FromDays(1);
        w.WriteLine($"Timeline: {name}{(t.SendingIp is null ? string.Empty : " from " + t.SendingIp)}, {HistoryOptions.Describe(t.Window)}, per {(daily ? "day" : "hour")} (UTC)");
        w.WriteLine();
        var label = daily ? "day (UTC)" : "hour (UTC)";
        w.WriteLine($"{label,-17}  {"attempts",9}  {"deferred",8}  {"bounced",8}  {"messages",9}  {"delayed",8}  {"failed",8}");
        foreach (var b in t.Total.Buckets)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{b.Start.UtcDateTime.ToString(daily ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-17}  {b.Attempts,9:N0}  {Pct(b.DeferredPercent),8}  {Pct(b.BouncedPercent),8}  {b.Messages.Total,9:N0}  {Pct(b.DelayedMessagesPercent),8}  {Pct(b.FailedMessagesPercent),8}"));
        }

        w.WriteLine();
        w.WriteLine("deferred, bounced: share of the attempts; delayed (delivered late or still queued), failed (bounced or expired): share of the messages first seen then.");
        if (t.BySendingIp.Count == 0) return;
        w.WriteLine();
        w.WriteLine($"{"sending IP",-39}  {"attempts",9}  {"deferred",8}  {"bounced",8}");
        foreach (var s in t.BySendingIp)
        {
            var total = s.Total;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Key,-39}  {total.Attempts,9:N0}  {Pct(total.DeferredPercent),8}  {Pct(total.BouncedPercent),8}"));
        }

        if (t.OtherSendingIps > 0) w.WriteLine($"({t.OtherSendingIps} more sending IPs with fewer attempts)");
    }

    private static string Pct(double? v) => v is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "-";
}
