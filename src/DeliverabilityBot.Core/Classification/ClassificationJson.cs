using System.Text.Encodings.Web;
using System.Text.Json;
using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Core.Classification;

/// <summary>
/// Writes the stable JSON-lines contract of <c>dbot explain --json</c> and <c>dbot classify --json</c>:
/// one object per bounced recipient/attempt, camelCase, absent values null.
/// </summary>
public static class ClassificationJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The writer options of the contract (for callers writing lines with <see cref="Write"/> into their own stream).</summary>
    public static JsonWriterOptions WriterOptions => Options;

    /// <summary>Serialises one classification to a single line of JSON (no trailing newline).</summary>
    public static string ToJsonLine(BounceClassification c)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options)) Write(w, c);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The properties from <c>domain</c> to <c>action</c>: what the classification concluded about the event. Written in
    /// place by <see cref="Write"/>, and once per classification by writers that share it between events.
    /// </summary>
    public static void WriteOutcome(Utf8JsonWriter w, BounceClassification c)
    {
        var e = c.Event;
        WriteNullable(w, "domain", e.RecipientDomain);
        w.WriteString("receiver", c.Receiver);
        WriteNullable(w, "filter", c.Filter);
        w.WriteString("reason", c.Reason);
        WriteNullable(w, "status", (e.Reply.Status ?? e.DsnStatus)?.ToString());
        if (e.Reply.Code is { } code) w.WriteNumber("replyCode", code); else w.WriteNull("replyCode");
        w.WriteBoolean("hardBounce", c.HardBounce);
        w.WriteBoolean("retryable", c.Retryable);
        w.WriteString("action", ActionName(e.Action));
    }

    /// <summary>The properties from <c>rules</c> to <c>references</c>: the rules that fired and what they say.</summary>
    public static void WriteConclusions(Utf8JsonWriter w, BounceClassification c)
    {
        w.WriteStartArray("rules");
        foreach (var f in c.Findings)
        {
            w.WriteStartObject();
            w.WriteString("id", f.RuleId);
            w.WriteString("title", f.Title);
            w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            w.WriteString("scope", f.Scope.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteNullable(w, "explanation", c.Primary?.Explanation);
        w.WriteStartArray("actions");
        foreach (var a in RemovalAdvice.Actions(c)) w.WriteStringValue(a);
        w.WriteEndArray();
        w.WriteStartArray("references");
        foreach (var r in c.Findings.SelectMany(f => f.References).Distinct()) w.WriteStringValue(r);
        w.WriteEndArray();
    }

    /// <summary>Writes one classification as a JSON object.</summary>
    public static void Write(Utf8JsonWriter w, BounceClassification c)
    {
        var e = c.Event;
        w.WriteStartObject();
        w.WriteString("source", e.Source);
        w.WriteNumber("index", e.Index);
        if (e.MessageIndex is { } m) w.WriteNumber("message", m);
        WriteNullable(w, "recipient", e.Recipient);
        WriteOutcome(w, c);
        WriteNullable(w, "diagnostic", e.Reply.Text.Length > 0 ? e.Reply.Text : null);
        WriteConclusions(w, c);
        WriteNullable(w, "timestamp", e.Timestamp?.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    /// <summary>The contract's lower-case action name.</summary>
    public static string ActionName(DeliveryAction action) => action switch
    {
        DeliveryAction.Failed => "failed",
        DeliveryAction.Delayed => "delayed",
        DeliveryAction.Delivered => "delivered",
        DeliveryAction.Relayed => "relayed",
        _ => "expanded",
    };

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
