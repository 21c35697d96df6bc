using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Rules.Diagnosis.Engine;

namespace DeliverabilityBot.Application.Diagnosis;

/// <summary>
/// The JSON contract of <c>dbot why --json</c>: <c>{receiver, window: {from, to}, messages: {total, delivered, bounced,
/// expired, pending, affected}, attempts, delivered, deferred, bounced,
/// diagnoses: [{id, title, category, confidence, scope, evidence, explanation, actions, rules, references, score, affected,
/// causedBy: {id, scope, title} | null}]}</c> (a consequence right after its cause), plus <c>trace</c>
/// with <c>--explain</c>. camelCase; times ISO 8601 UTC.
/// </summary>
public static class WhyReportJson
{
    /// <summary>The writer options of every history report (indented, relaxed escaping).</summary>
    internal static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Serialises a report (and the trace when given).</summary>
    public static string ToJson(WhyReport report, DiagnosisTrace? trace = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            WriteHead(w, report.Receiver, report.Window, report.Messages);
            w.WriteNumber("attempts", report.Attempts);
            w.WriteNumber("delivered", report.Delivered);
            w.WriteNumber("deferred", report.Deferred);
            w.WriteNumber("bounced", report.Bounced);
            w.WriteStartArray("diagnoses");
            foreach (var d in report.Diagnoses) WriteDiagnosis(w, d);
            w.WriteEndArray();
            if (trace is not null) WriteTrace(w, trace);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes what every history report opens with: <c>receiver</c>, <c>window: {from, to}</c> and <c>messages</c>.</summary>
    internal static void WriteHead(Utf8JsonWriter w, string? receiver, TimeWindow window, MessageCounts messages)
    {
        if (receiver is null) w.WriteNull("receiver"); else w.WriteString("receiver", receiver);
        w.WriteStartObject("window");
        w.WriteString("from", Iso(window.From));
        w.WriteString("to", Iso(window.To));
        w.WriteEndObject();
        WriteMessages(w, messages);
    }

    /// <summary>Writes <c>"messages": {total, delivered, bounced, expired, pending, affected}</c>.</summary>
    public static void WriteMessages(Utf8JsonWriter w, MessageCounts m)
    {
        w.WriteStartObject("messages");
        w.WriteNumber("total", m.Total);
        w.WriteNumber("delivered", m.Delivered);
        w.WriteNumber("bounced", m.Bounced);
        w.WriteNumber("expired", m.Expired);
        w.WriteNumber("pending", m.Pending);
        w.WriteNumber("affected", m.Affected);
        w.WriteEndObject();
    }

    private static void WriteDiagnosis(Utf8JsonWriter w, Core.Diagnosis.Diagnosis d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("title", d.Title);
        w.WriteString("category", d.Category);
        w.WriteNumber("confidence", d.Confidence);
        w.WriteString("scope", d.Scope);
        w.WriteStartObject("evidence");
        w.WriteStartArray("figures");
        foreach (var f in d.Evidence.Figures)
        {
            w.WriteStartObject();
            w.WriteString("label", f.Label);
            w.WriteString("value", f.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("examples");
        foreach (var e in d.Evidence.Examples)
        {
            w.WriteStartObject();
            if (e.Timestamp is { } t) w.WriteString("timestamp", Iso(t)); else w.WriteNull("timestamp");
            Nullable(w, "recipient", e.Recipient);
            Nullable(w, "remoteHost", e.RemoteHost);
            Nullable(w, "sendingIp", e.SendingIp);
            w.WriteString("reply", e.Reply);
            Strings(w, "rules", e.RuleIds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (d.Evidence.FirstSeen is { } first) w.WriteString("firstSeen", Iso(first)); else w.WriteNull("firstSeen");
        if (d.Evidence.LastSeen is { } last) w.WriteString("lastSeen", Iso(last)); else w.WriteNull("lastSeen");
        w.WriteEndObject();
        w.WriteString("explanation", d.Explanation);
        Strings(w, "actions", d.Actions);
        Strings(w, "rules", d.Rules);
        Strings(w, "references", d.References);
        w.WriteNumber("score", d.Score);
        w.WriteNumber("affected", d.Affected);
        if (d.CausedBy is { } cause)
        {
            w.WriteStartObject("causedBy");
            w.WriteString("id", cause.Id);
            w.WriteString("scope", cause.Scope);
            w.WriteString("title", cause.Title);
            w.WriteEndObject();
        }
        else w.WriteNull("causedBy");
        w.WriteEndObject();
    }

    private static void WriteTrace(Utf8JsonWriter w, DiagnosisTrace trace)
    {
        w.WriteStartArray("trace");
        foreach (var t in trace.Entries)
        {
            w.WriteStartObject();
            w.WriteString("rule", t.RuleId);
            w.WriteString("scope", t.Scope);
            w.WriteBoolean("fired", t.Fired);
            w.WriteStartArray("conditions");
            foreach (var c in t.Conditions)
            {
                w.WriteStartObject();
                w.WriteString("condition", c.Condition);
                w.WriteString("expression", c.Expression);
                w.WriteString("value", c.Value);
                w.WriteBoolean("held", c.Held);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("facts");
            foreach (var (name, value) in t.Facts) w.WriteString(name, value);
            w.WriteEndObject();
            Strings(w, "signalRules", t.SignalRules);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
