using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// Mandrill (Mailchimp Transactional) webhook batches: the form field <c>mandrill_events</c>, a JSON array of up to
/// 1,000 events (mailchimp.com/developer/transactional/docs/webhooks): <c>delivered</c>, <c>deferral</c> (deferred),
/// <c>hard_bounce</c> and <c>soft_bounce</c> (bounced), <c>reject</c> (dropped), <c>spam</c>; opens, clicks, sends and
/// unsubscribes are skipped. The reply is <c>msg.diag</c>, else the last SMTP event's <c>diag</c>, whose
/// <c>source_ip</c> and <c>destination_ip</c> are the sending and remote IPs. The event id is <c>_id</c>, event and <c>ts</c>.
/// </summary>
public static class MandrillEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "mandrill";

    /// <summary>The attempts in <paramref name="events"/>, the <c>mandrill_events</c> value.</summary>
    /// <exception cref="EspPayloadException">The value is not a JSON array.</exception>
    public static IReadOnlyList<EspAttempt> Read(string events)
    {
        using var doc = EspJson.Parse(events, Provider);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new EspPayloadException($"{Provider}: mandrill_events is not a JSON array");
        var attempts = new List<EspAttempt>();
        foreach (var e in doc.RootElement.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object))
        {
            var name = EspJson.Text(e, "event");
            EspStatus? status = name switch
            {
                "delivered" => EspStatus.Delivered,
                "deferral" => EspStatus.Deferred,
                "hard_bounce" or "soft_bounce" => EspStatus.Bounced,
                "reject" => EspStatus.Dropped,
                "spam" => EspStatus.Complained,
                _ => null,
            };
            if (status is null) continue;
            var msg = EspJson.Object(e, "msg");
            var last = msg.ValueKind == JsonValueKind.Object && msg.TryGetProperty("smtp_events", out var smtp) && smtp.ValueKind == JsonValueKind.Array
                ? smtp.EnumerateArray().LastOrDefault(x => x.ValueKind == JsonValueKind.Object)
                : default;
            attempts.Add(new EspAttempt
            {
                EventId = $"{EspJson.Text(e, "_id")}:{name}:{EspJson.Text(e, "ts")}",
                EventName = name!,
                Status = status.Value,
                Recipient = EspJson.Text(msg, "email"),
                Sender = EspJson.Text(msg, "sender"),
                Reply = EspJson.Text(msg, "diag") ?? EspJson.Text(last, "diag"),
                Timestamp = EspJson.UnixTime(e, "ts"),
                SendingIp = EspJson.Text(last, "source_ip"),
                RemoteIp = EspJson.Text(last, "destination_ip"),
                MessageStream = EspJson.Text(msg, "subaccount"),
                Tags = EspJson.Strings(msg, "tags"),
                MessageId = EspJson.Text(msg, "_id"),
                ProviderClass = EspJson.Text(msg, "bounce_description"),
                FeedbackType = status == EspStatus.Complained ? "abuse" : null,
            });
        }
        return attempts;
    }
}
