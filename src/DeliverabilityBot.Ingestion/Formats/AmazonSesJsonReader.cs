using System.Text.Json;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Dsn;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// Amazon SES notifications delivered by email (SNS to an email subscription): a JSON body, bare or inside the SNS
/// envelope's <c>Message</c>, with <c>notificationType</c> <c>Bounce</c> (per <c>bouncedRecipients</c>),
/// <c>Complaint</c> (feedback) or <c>Delivery</c> (delivered, kept for rates).
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
        if (open < 0 || !text.Contains("notificationType", StringComparison.Ordinal)) return [];
        try
        {
            using var doc = JsonDocument.Parse(JsonSpan(text, open), new JsonDocumentOptions { MaxDepth = 32 });
            var root = doc.RootElement;
            if (root.TryGetProperty("Message", out var inner) && inner.ValueKind == JsonValueKind.String)
            {
                using var innerDoc = JsonDocument.Parse(inner.GetString()!);
                return Events(innerDoc.RootElement, source);
            }
            return Events(root, source);
        }
        catch (JsonException)
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

    private List<BounceEvent> Events(JsonElement n, string source)
    {
        var events = new List<BounceEvent>();
        var type = Str(n, "notificationType") ?? Str(n, "eventType");
        if (type is "Bounce" && n.TryGetProperty("bounce", out var b) && b.TryGetProperty("bouncedRecipients", out var list))
        {
            var permanent = Str(b, "bounceType") == "Permanent";
            foreach (var r in list.EnumerateArray())
            {
                var reply = SmtpReply.Parse(Str(r, "diagnosticCode"));
                EnhancedStatusCode.TryParse(Str(r, "status") ?? string.Empty, out var status);
                var action = DsnEventBuilder.ActionOf(Str(r, "action"), status ?? reply.Status);
                if (Str(r, "action") is null) action = permanent ? DeliveryAction.Failed : DeliveryAction.Delayed;
                events.Add(Event(source, events.Count + 1, Str(r, "emailAddress"), action, reply, status, Str(b, "reportingMTA"), Str(b, "timestamp"), EvidenceKind.Reply));
            }
        }
        else if (type is "Complaint" && n.TryGetProperty("complaint", out var c) && c.TryGetProperty("complainedRecipients", out var cl))
        {
            foreach (var r in cl.EnumerateArray())
            {
                var feedback = Str(c, "complaintFeedbackType") ?? "abuse";
                var reply = new SmtpReply(null, null, $"Feedback-Type: {feedback}", $"Feedback-Type: {feedback}");
                events.Add(Event(source, events.Count + 1, Str(r, "emailAddress"), DeliveryAction.Delivered, reply, null, null, Str(c, "timestamp"), EvidenceKind.Feedback));
            }
        }
        else if (type is "Delivery" && n.TryGetProperty("delivery", out var d) && d.TryGetProperty("recipients", out var dl))
        {
            var reply = SmtpReply.Parse(Str(d, "smtpResponse"));
            foreach (var r in dl.EnumerateArray())
                events.Add(Event(source, events.Count + 1, r.GetString(), DeliveryAction.Delivered, reply, null, Str(d, "reportingMTA"), Str(d, "timestamp"), EvidenceKind.Reply));
        }
        return events;
    }

    private BounceEvent Event(string source, int index, string? address, DeliveryAction action, SmtpReply reply,
        EnhancedStatusCode? status, string? reportingMta, string? timestamp, EvidenceKind kind)
    {
        var rcpt = Addresses.Normalize(address);
        return new BounceEvent
        {
            Source = source,
            Index = index,
            Recipient = rcpt,
            RecipientDomain = Addresses.DomainOf(rcpt),
            ReportingMta = reportingMta?.Split(';', 2)[^1].Trim().ToLowerInvariant(),
            Action = action,
            Reply = reply,
            DsnStatus = status is not null && !status.Equals(reply.Status) ? status : null,
            Timestamp = DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            Kind = kind,
            SourceFormat = Name,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
