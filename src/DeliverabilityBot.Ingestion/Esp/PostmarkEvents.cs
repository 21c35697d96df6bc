namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// Postmark webhooks (one record per request; postmarkapp.com/developer/webhooks): <c>Bounce</c> records by
/// <c>Type</c> (Postmark sends no deferral event; <c>Transient</c> is its "delayed" record and is read as deferred, the
/// address-level types such as <c>ManuallyDeactivated</c> and <c>Blocked</c> as dropped, auto-replies and list
/// events skipped), <c>Delivery</c> and <c>SpamComplaint</c>. The reply is <c>Details</c>; the stream is
/// <c>MessageStream</c>. The event id is the <c>X-PM-Webhook-Trace-Id</c> header, else <c>RecordType</c> and <c>ID</c>.
/// </summary>
public static class PostmarkEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "postmark";

    /// <summary>The attempts in one record; <paramref name="traceId"/> is the request's trace id header, when sent.</summary>
    /// <exception cref="EspPayloadException">The body is not a JSON object.</exception>
    public static IReadOnlyList<EspAttempt> Read(ReadOnlyMemory<byte> body, string? traceId)
    {
        using var doc = EspJson.Parse(body, Provider);
        var r = doc.RootElement;
        if (r.ValueKind != System.Text.Json.JsonValueKind.Object) throw new EspPayloadException($"{Provider}: the body is not a JSON object");
        var record = EspJson.Text(r, "RecordType");
        var type = EspJson.Text(r, "Type");
        EspStatus? status = record switch
        {
            "Delivery" => EspStatus.Delivered,
            "SpamComplaint" => EspStatus.Complained,
            "Bounce" => type switch
            {
                "Transient" => EspStatus.Deferred,
                "HardBounce" or "SoftBounce" or "DnsError" or "BadEmailAddress" or "SpamNotification" or "Unknown" or "DMARCPolicy" or "VirusNotification" => EspStatus.Bounced,
                "ManuallyDeactivated" or "Blocked" or "SMTPApiError" or "Unconfirmed" or "TemplateRenderingFailed" => EspStatus.Dropped,
                _ => null, // auto-replies, address changes, (un)subscribes, challenge-response: not a delivery outcome
            },
            _ => null,
        };
        if (status is null) return [];
        return
        [
            new EspAttempt
            {
                EventId = traceId is { Length: > 0 } ? traceId : $"{record}:{EspJson.Text(r, "ID") ?? EspJson.Text(r, "MessageID")}",
                EventName = record == "Bounce" ? $"Bounce/{type}" : record!,
                Status = status.Value,
                Recipient = EspJson.Text(r, "Email") ?? EspJson.Text(r, "Recipient"),
                Sender = EspJson.Text(r, "From"),
                Reply = EspJson.Text(r, "Details"),
                Timestamp = EspJson.IsoTime(r, "BouncedAt") ?? EspJson.IsoTime(r, "DeliveredAt") ?? EspJson.IsoTime(r, "ReceivedAt"),
                MessageStream = EspJson.Text(r, "MessageStream"),
                Tags = EspJson.Strings(r, "Tag"),
                MessageId = EspJson.Text(r, "MessageID"),
                ProviderClass = type,
                FeedbackType = status == EspStatus.Complained ? "abuse" : null,
            },
        ];
    }
}
