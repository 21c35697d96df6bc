using System.Text.Json;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Application.Diagnosis;

/// <summary>
/// The JSON contract of <c>dbot stats --json</c>: <c>{receiver, window: {from, to}, messages: {total, delivered, bounced,
/// expired, pending, affected}, total: ROW, byReceiver: [ROW], byReason: [ROW], bySendingIp: [ROW], byHour: [ROW]}</c>
/// where ROW is <c>{key, attempts, delivered, deferred, bounced}</c> plus <c>messages</c> where the breakdown has them
/// (receiver, sending IP). camelCase; times ISO 8601 UTC.
/// </summary>
public static class StatsReportJson
{
    /// <summary>Serialises a report.</summary>
    public static string ToJson(StatsReport report)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WhyReportJson.Options))
        {
            w.WriteStartObject();
            WhyReportJson.WriteHead(w, report.Receiver, report.Window, report.Messages);
            w.WritePropertyName("total");
            Row(w, report.Total);
            Rows(w, "byReceiver", report.ByReceiver);
            Rows(w, "byReason", report.ByReason);
            Rows(w, "bySendingIp", report.BySendingIp);
            Rows(w, "bySenderDomain", report.BySenderDomain);
            Rows(w, "byHour", report.ByHour);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Rows(Utf8JsonWriter w, string name, IReadOnlyList<StatsRow> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows) Row(w, r);
        w.WriteEndArray();
    }

    private static void Row(Utf8JsonWriter w, StatsRow r)
    {
        w.WriteStartObject();
        w.WriteString("key", r.Key);
        w.WriteNumber("attempts", r.Attempts);
        w.WriteNumber("delivered", r.Delivered);
        w.WriteNumber("deferred", r.Deferred);
        w.WriteNumber("bounced", r.Bounced);
        if (r.Messages is { } m) WhyReportJson.WriteMessages(w, m);
        w.WriteEndObject();
    }
}
