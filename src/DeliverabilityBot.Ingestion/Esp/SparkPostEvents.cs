using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// SparkPost webhook batches (a JSON array of <c>{"msys": {"message_event": {...}}}</c>; developers.sparkpost.com/api/
/// webhooks): <c>delivery</c>, <c>delay</c> (deferred), <c>bounce</c> and <c>out_of_band</c> (bounced, with
/// <c>bounce_class</c>), <c>policy_rejection</c>, <c>generation_failure</c> and <c>generation_rejection</c> (dropped),
/// <c>spam_complaint</c> (<c>fbtype</c>); other wrappers (<c>track_event</c>, ...) are skipped. The reply is
/// <c>raw_reason</c> (<c>reason</c> masks IP addresses); pool <c>ip_pool</c>, sending IP <c>sending_ip</c>, remote IP
/// <c>ip_address</c>. The event id is <c>event_id</c>.
/// </summary>
public static class SparkPostEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "sparkpost";

    /// <summary>The attempts in a batch.</summary>
    /// <exception cref="EspPayloadException">The body is not a JSON array or object.</exception>
    public static IReadOnlyList<EspAttempt> Read(ReadOnlyMemory<byte> body)
    {
        using var doc = EspJson.Parse(body, Provider);
        var attempts = new List<EspAttempt>();
        foreach (var item in EspJson.Items(doc.RootElement, Provider))
        {
            var msys = EspJson.Object(item, "msys");
            foreach (var wrapper in (string[])["message_event", "gen_event", "relay_event"])
            {
                var e = EspJson.Object(msys, wrapper);
                if (e.ValueKind != JsonValueKind.Object) continue;
                var type = EspJson.Text(e, "type");
                EspStatus? status = type switch
                {
                    "delivery" => EspStatus.Delivered,
                    "delay" => EspStatus.Deferred,
                    "bounce" or "out_of_band" => EspStatus.Bounced,
                    "policy_rejection" or "generation_failure" or "generation_rejection" => EspStatus.Dropped,
                    "spam_complaint" => EspStatus.Complained,
                    _ => null,
                };
                if (status is null) continue;
                var tags = EspJson.Strings(e, "rcpt_tags");
                attempts.Add(new EspAttempt
                {
                    EventId = EspJson.Text(e, "event_id") ?? EspKeys.Of(EspJson.Text(e, "message_id"), type, EspJson.Text(e, "timestamp"), EspJson.Text(e, "rcpt_to")),
                    EventName = type!,
                    Status = status.Value,
                    Recipient = EspJson.Text(e, "rcpt_to"),
                    Sender = EspJson.Text(e, "friendly_from") ?? EspJson.Text(e, "msg_from"),
                    Reply = EspJson.Text(e, "raw_reason") ?? EspJson.Text(e, "reason"),
                    Timestamp = EspJson.UnixTime(e, "timestamp") ?? EspJson.IsoTime(e, "timestamp"),
                    SendingIp = EspJson.Text(e, "sending_ip"),
                    RemoteIp = EspJson.Text(e, "ip_address"),
                    Pool = EspJson.Text(e, "ip_pool"),
                    MessageStream = EspJson.Text(e, "campaign_id"),
                    Tags = tags,
                    MessageId = EspJson.Text(e, "message_id"),
                    ProviderClass = EspJson.Text(e, "bounce_class"),
                    FeedbackType = EspJson.Text(e, "fbtype"),
                });
            }
        }
        return attempts;
    }
}
