using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// Mailgun v3 webhooks (one JSON event per request: <c>signature</c> and <c>event-data</c>; documentation.mailgun.com
/// webhook payloads): <c>delivered</c>, <c>failed</c> (<c>severity</c> temporary = deferred, permanent = bounced;
/// <c>reason</c> suppress-* = dropped: Mailgun never tried), <c>rejected</c> and <c>complained</c>. The reply is
/// <c>delivery-status.message</c> (else its <c>description</c>). The event id is the signature's token (unique per
/// delivery; <c>event-data.id</c> is unique only within a day).
/// </summary>
public static class MailgunEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "mailgun";

    /// <summary>The attempts in one webhook body (parsed).</summary>
    public static IReadOnlyList<EspAttempt> Read(JsonElement root)
    {
        var data = EspJson.Object(root, "event-data");
        var token = EspJson.Text(EspJson.Object(root, "signature"), "token");
        if (data.ValueKind != JsonValueKind.Object) throw new EspPayloadException($"{Provider}: no event-data object");
        var name = EspJson.Text(data, "event");
        var reason = EspJson.Text(data, "reason");
        EspStatus? status = name switch
        {
            "delivered" => EspStatus.Delivered,
            "failed" when reason is { } r && r.StartsWith("suppress-", StringComparison.Ordinal) => EspStatus.Dropped,
            "failed" when EspJson.Text(data, "severity") == "temporary" => EspStatus.Deferred,
            "failed" => EspStatus.Bounced,
            "rejected" => EspStatus.Dropped,
            "complained" => EspStatus.Complained,
            _ => null,
        };
        if (status is null) return [];
        var delivery = EspJson.Object(data, "delivery-status");
        var envelope = EspJson.Object(data, "envelope");
        var headers = EspJson.Object(EspJson.Object(data, "message"), "headers");
        var message = EspJson.Text(delivery, "message");
        var headerId = EspJson.Text(headers, "message-id");
        return
        [
            new EspAttempt
            {
                EventId = token ?? EspKeys.Of(EspJson.Text(data, "id"), EspJson.Text(data, "timestamp"), EspJson.Text(data, "recipient")),
                EventName = name == "failed" ? $"failed/{EspJson.Text(data, "severity")}" : name!,
                Status = status.Value,
                Recipient = EspJson.Text(data, "recipient"),
                Sender = EspJson.Text(envelope, "sender"),
                Reply = message is { Length: > 0 } ? message : EspJson.Text(delivery, "description"),
                EnhancedStatus = EspJson.Text(delivery, "enhanced-code"),
                Timestamp = EspJson.UnixTime(data, "timestamp"),
                SendingIp = EspJson.Text(envelope, "sending-ip"),
                RemoteHost = EspJson.Text(delivery, "mx-host"),
                Tags = EspJson.Strings(data, "tags"),
                MessageId = headerId,
                HeaderMessageId = headerId,
                ProviderClass = reason,
                FeedbackType = status == EspStatus.Complained ? "abuse" : null,
            },
        ];
    }
}
