namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// Brevo transactional webhooks (one JSON event, or an array when created with <c>batched</c>;
/// developers.brevo.com/docs/transactional-webhooks): <c>delivered</c>, <c>deferred</c>, <c>soft_bounce</c> and
/// <c>hard_bounce</c> (bounced), <c>blocked</c>, <c>invalid_email</c> and <c>error</c> (dropped: Brevo did not send),
/// <c>spam</c>. The time is <c>ts_event</c> (UTC; <c>date</c> is CET), else <c>ts_epoch</c> (ms or s), else <c>ts</c>.
/// Brevo's <c>id</c> is the webhook's, not the event's: the event id is a hash of message id, event, time and recipient.
/// </summary>
public static class BrevoEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "brevo";

    /// <summary>The attempts in one event or batch.</summary>
    /// <exception cref="EspPayloadException">The body is not a JSON object or array.</exception>
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
                "soft_bounce" or "hard_bounce" => EspStatus.Bounced,
                "blocked" or "invalid_email" or "error" => EspStatus.Dropped,
                "spam" => EspStatus.Complained,
                _ => null,
            };
            if (status is null) continue;
            var tags = EspJson.Strings(e, "tags");
            var messageId = EspJson.Text(e, "message-id");
            attempts.Add(new EspAttempt
            {
                EventId = EspKeys.Of(messageId, name, EspJson.Text(e, "ts_epoch") ?? EspJson.Text(e, "ts_event"), EspJson.Text(e, "email")),
                EventName = name!,
                Status = status.Value,
                Recipient = EspJson.Text(e, "email"),
                Reply = EspJson.Text(e, "reason"),
                Timestamp = EspJson.UnixTime(e, "ts_event") ?? EspJson.UnixTime(e, "ts_epoch") ?? EspJson.UnixTime(e, "ts"),
                SendingIp = EspJson.Text(e, "sending_ip"),
                Tags = tags.Count > 0 ? tags : EspJson.Strings(e, "tag"),
                MessageId = messageId,
                HeaderMessageId = messageId,
                FeedbackType = status == EspStatus.Complained ? "abuse" : null,
            });
        }
        return attempts;
    }
}
