using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// Amazon SES notifications as SNS delivers them (the envelope's <c>Message</c>; docs.aws.amazon.com/ses/latest/dg/
/// notification-contents.html): identity notifications (<c>notificationType</c>) and event publishing (<c>eventType</c>)
/// alike. <c>Bounce</c> per bounced recipient (<c>diagnosticCode</c>, <c>status</c>; a <c>Suppressed</c> or
/// <c>OnAccountSuppressionList</c> subtype was never sent: dropped), <c>DeliveryDelay</c> (deferred),
/// <c>Delivery</c>, <c>Complaint</c> and <c>Reject</c> (dropped). The sending IP is the <c>ses:outgoing-ip</c> tag, the
/// stream the configuration set. The event id is the SNS message id and the recipient.
/// </summary>
public static class SesEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "ses";

    /// <summary>The attempts in one SES notification (<paramref name="message"/>, the SNS <c>Message</c> string).</summary>
    /// <exception cref="EspPayloadException">The message is not a JSON object.</exception>
    public static IReadOnlyList<EspAttempt> Read(string message, string snsMessageId)
    {
        using var doc = EspJson.Parse(message, Provider);
        var n = doc.RootElement;
        if (n.ValueKind != JsonValueKind.Object) throw new EspPayloadException($"{Provider}: the SNS Message is not a JSON object");
        var type = EspJson.Text(n, "notificationType") ?? EspJson.Text(n, "eventType");
        var mail = EspJson.Object(n, "mail");
        var tags = EspJson.Object(mail, "tags");
        var common = new EspAttempt
        {
            EventId = snsMessageId,
            EventName = type ?? "unknown",
            Status = EspStatus.Delivered,
            Sender = EspJson.Text(mail, "source"),
            SendingIp = First(tags, "ses:outgoing-ip"),
            MessageStream = First(tags, "ses:configuration-set"),
            MessageId = EspJson.Text(mail, "messageId"),
            HeaderMessageId = EspJson.Text(EspJson.Object(mail, "commonHeaders"), "messageId"),
        };
        var attempts = new List<EspAttempt>();
        switch (type)
        {
            case "Bounce":
                var bounce = EspJson.Object(n, "bounce");
                var subType = EspJson.Text(bounce, "bounceSubType");
                var dropped = subType is "Suppressed" or "OnAccountSuppressionList";
                foreach (var r in Array(bounce, "bouncedRecipients"))
                    attempts.Add(common with
                    {
                        Status = dropped ? EspStatus.Dropped : EspStatus.Bounced,
                        Recipient = EspJson.Text(r, "emailAddress"),
                        Reply = EspJson.Text(r, "diagnosticCode"),
                        EnhancedStatus = EspJson.Text(r, "status"),
                        Timestamp = EspJson.IsoTime(bounce, "timestamp"),
                        RemoteIp = EspJson.Text(bounce, "remoteMtaIp"),
                        ReportingMta = EspJson.Text(bounce, "reportingMTA"),
                        ProviderClass = $"{EspJson.Text(bounce, "bounceType")}/{subType}",
                    });
                break;
            case "DeliveryDelay":
                var delay = EspJson.Object(n, "deliveryDelay");
                foreach (var r in Array(delay, "delayedRecipients"))
                    attempts.Add(common with
                    {
                        Status = EspStatus.Deferred,
                        Recipient = EspJson.Text(r, "emailAddress"),
                        Reply = EspJson.Text(r, "diagnosticCode"),
                        EnhancedStatus = EspJson.Text(r, "status"),
                        Timestamp = EspJson.IsoTime(delay, "timestamp"),
                        ReportingMta = EspJson.Text(delay, "reportingMTA"),
                        ProviderClass = EspJson.Text(delay, "delayType"),
                    });
                break;
            case "Delivery":
                var delivery = EspJson.Object(n, "delivery");
                foreach (var r in Array(delivery, "recipients"))
                    attempts.Add(common with
                    {
                        Recipient = r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                        Reply = EspJson.Text(delivery, "smtpResponse"),
                        Timestamp = EspJson.IsoTime(delivery, "timestamp"),
                        RemoteIp = EspJson.Text(delivery, "remoteMtaIp"),
                        ReportingMta = EspJson.Text(delivery, "reportingMTA"),
                    });
                break;
            case "Complaint":
                var complaint = EspJson.Object(n, "complaint");
                foreach (var r in Array(complaint, "complainedRecipients"))
                    attempts.Add(common with
                    {
                        Status = EspStatus.Complained,
                        Recipient = EspJson.Text(r, "emailAddress"),
                        Timestamp = EspJson.IsoTime(complaint, "timestamp"),
                        FeedbackType = EspJson.Text(complaint, "complaintFeedbackType"),
                    });
                break;
            case "Reject":
                var reject = EspJson.Object(n, "reject");
                foreach (var r in Array(mail, "destination"))
                    attempts.Add(common with
                    {
                        Status = EspStatus.Dropped,
                        Recipient = r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                        Reply = EspJson.Text(reject, "reason"),
                        Timestamp = EspJson.IsoTime(mail, "timestamp"),
                    });
                break;
        }
        // One SNS message, several recipients: each recipient's event is its own.
        return [.. attempts.Select(a => a with { EventId = $"{snsMessageId}/{a.Recipient}" })];
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    // SES tags are lists of strings.
    private static string? First(JsonElement tags, string name) => EspJson.Strings(tags, name) is [var first, ..] ? first : null;
}
