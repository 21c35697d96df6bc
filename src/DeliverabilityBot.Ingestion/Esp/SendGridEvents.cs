using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// SendGrid Event Webhook batches (a JSON array; twilio.com/docs/sendgrid/for-developers/tracking-events/event):
/// <c>delivered</c> and <c>deferred</c> (<c>response</c>), <c>bounce</c> (<c>reason</c>, <c>status</c>, <c>type</c>
/// bounce/blocked/expired, <c>bounce_classification</c>), <c>dropped</c> (<c>reason</c>) and <c>spamreport</c>; opens,
/// clicks and list events are skipped. The event id is <c>sg_event_id</c>, else a hash of message id, event, time,
/// recipient and attempt (sg_event_id was reported to change across retries).
/// </summary>
public static class SendGridEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "sendgrid";

    /// <summary>The attempts in a batch.</summary>
    /// <exception cref="EspPayloadException">The body is not a JSON array or object.</exception>
    public static IReadOnlyList<EspAttempt> Read(ReadOnlyMemory<byte> body)
    {
        using var doc = EspJson.Parse(body, Provider);
        var attempts = new List<EspAttempt>();
        foreach (var e in EspJson.Items(doc.RootElement, Provider))
        {
            var name = EspJson.Text(e, "event");
            EspStatus? status = name switch
            {
                "delivered" => EspStatus.Delivered,
                "deferred" => EspStatus.Deferred,
                "bounce" => EspStatus.Bounced,
                "dropped" => EspStatus.Dropped,
                "spamreport" => EspStatus.Complained,
                _ => null,
            };
            if (status is null) continue;
            var pool = EspJson.Object(e, "pool");
            attempts.Add(new EspAttempt
            {
                EventId = EspJson.Text(e, "sg_event_id") ?? EspKeys.Of(EspJson.Text(e, "sg_message_id"), name, EspJson.Text(e, "timestamp"), EspJson.Text(e, "email"), EspJson.Text(e, "attempt")),
                EventName = EspJson.Text(e, "type") is { Length: > 0 } type && name == "bounce" ? $"bounce/{type}" : name!,
                Status = status.Value,
                Recipient = EspJson.Text(e, "email"),
                Reply = EspJson.Text(e, "reason") ?? EspJson.Text(e, "response"),
                EnhancedStatus = EspJson.Text(e, "status"),
                Timestamp = EspJson.UnixTime(e, "timestamp"),
                SendingIp = EspJson.Text(e, "ip"),
                Pool = pool.ValueKind == JsonValueKind.Object ? EspJson.Text(pool, "name") : null,
                Tags = EspJson.Strings(e, "category"),
                MessageId = EspJson.Text(e, "sg_message_id"),
                HeaderMessageId = EspJson.Text(e, "smtp-id"),
                ProviderClass = EspJson.Text(e, "bounce_classification"),
                FeedbackType = status == EspStatus.Complained ? "abuse" : null,
            });
        }
        return attempts;
    }
}
