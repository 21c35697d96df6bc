using System.Text.Json;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Esp;
using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// Amazon SES notifications delivered by email (SNS to an email subscription): a JSON body, bare or inside the SNS
/// envelope's <c>Message</c>, read by <see cref="SesEvents"/> as the SES webhook reads it (identity notifications and
/// event publishing: <c>Bounce</c> per bounced recipient, <c>DeliveryDelay</c> deferred, <c>Delivery</c> kept for rates,
/// <c>Complaint</c> as feedback, <c>Reject</c> and suppressed bounces as dropped) and built by <see cref="EspEventBuilder"/>,
/// with the file as source, <c>amazonses</c> as format, and read as a bounce report (<see cref="EvidenceKind.Reply"/>).
/// </summary>
public sealed class AmazonSesJsonReader : IBounceReader
{
    /// <inheritdoc />
    public string Name => "amazonses";

    /// <inheritdoc />
    public IReadOnlyList<BounceEvent> Read(BounceMessage message, string source)
    {
        var text = message.Notification;
        var open = ObjectStart(text);
        if (open < 0 || !text.Contains("notificationType", StringComparison.Ordinal) && !text.Contains("eventType", StringComparison.Ordinal)) return [];
        try
        {
            var json = JsonSpan(text, open);
            string notification;
            string? id;
            using (var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 }))
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return [];
                if (root.TryGetProperty("Message", out var inner) && inner.ValueKind == JsonValueKind.String)
                {
                    notification = inner.GetString()!;
                    id = Str(root, "MessageId");
                }
                else
                {
                    notification = json;
                    id = root.TryGetProperty("mail", out var mail) ? Str(mail, "messageId") : null;
                }
            }
            // The event id only keys webhook deliveries; a file's events are told apart by source and index.
            var attempts = SesEvents.Read(notification, id ?? string.Empty);
            var events = new List<BounceEvent>(attempts.Count);
            foreach (var a in attempts)
                events.Add(EspEventBuilder.Build(a, events.Count + 1, SesEvents.Provider, source, Name, EvidenceKind.Reply));
            return events;
        }
        catch (Exception ex) when (ex is JsonException or EspPayloadException)
        {
            return []; // not SES JSON after all; other readers are tried
        }
    }

    // The first '{' that opens an object ('{' then optional white space then '"'); an SNS envelope puts a line break
    // after its brace, so the first literal '{"' would be the one escaped inside the "Message" string.
    private static int ObjectStart(string text)
    {
        for (var i = text.IndexOf('{'); i >= 0; i = text.IndexOf('{', i + 1))
        {
            var j = i + 1;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (j < text.Length && text[j] == '"') return i;
        }
        return -1;
    }

    // The JSON runs to the last closing brace before the SNS footer. Mail gateways fold its long line (seen in
    // SES samples of Sisimai's set-of-emails), which puts raw line breaks inside JSON strings: unfold them.
    private static string JsonSpan(string text, int open)
    {
        var close = text.LastIndexOf('}');
        var json = close > open ? text[open..(close + 1)] : text[open..];
        return json.Replace("\n", string.Empty);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
