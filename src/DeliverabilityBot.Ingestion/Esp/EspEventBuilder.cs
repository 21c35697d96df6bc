using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// Turns what an ESP webhook said (<see cref="EspAttempt"/>) into an event the same way for every provider: source
/// <c>webhook:PROVIDER</c>, lower-cased recipient and domains, <see cref="EvidenceKind.EspEvent"/> (a complaint is
/// <see cref="EvidenceKind.Feedback"/>, as an ARF report), the provider as format, the stream (pool, else message
/// stream, else first tag), and hints the provider's facts are kept under (<c>esp</c>, <c>esp_event</c>, <c>esp_id</c>,
/// <c>esp_class</c>, <c>pool</c>, <c>tag</c>, <c>dropped</c>, <c>feedbackType</c>).
/// </summary>
public static class EspEventBuilder
{
    /// <summary>The source name of a provider's events.</summary>
    public static string SourceOf(string provider) => "webhook:" + provider;

    /// <summary>The event for <paramref name="a"/>, the <paramref name="index"/>th (1-based) of one webhook delivery from <paramref name="provider"/>.</summary>
    public static BounceEvent Build(string provider, int index, EspAttempt a) =>
        Build(a, index, provider, SourceOf(provider), provider, EvidenceKind.EspEvent);

    /// <summary>
    /// The event for <paramref name="a"/> read from somewhere else than a webhook (an SES notification sent by email):
    /// <paramref name="source"/> and <paramref name="format"/> as the reader names them, and <paramref name="kind"/> for what
    /// is not a complaint (a complaint is always <see cref="EvidenceKind.Feedback"/>).
    /// </summary>
    public static BounceEvent Build(EspAttempt a, int index, string provider, string source, string format, EvidenceKind kind)
    {
        var recipient = Addresses.Normalize(a.Recipient);
        var sender = Addresses.Normalize(a.Sender);
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["esp"] = provider,
            ["esp_event"] = a.EventName,
            ["esp_id"] = a.EventId,
        };
        if (a.ProviderClass is { Length: > 0 } cls) hints["esp_class"] = cls;
        if (a.Pool is { Length: > 0 } pool) hints["pool"] = pool;
        if (a.Tags.Count > 0) hints["tag"] = string.Join(',', a.Tags);
        if (a.Status == EspStatus.Dropped) hints["dropped"] = "true";
        if (a.Status == EspStatus.Complained) hints["feedbackType"] = (a.FeedbackType is { Length: > 0 } f ? f : "abuse").ToLowerInvariant();
        var reply = a.Status == EspStatus.Complained ? Feedback(hints["feedbackType"]) : SmtpReply.Parse(a.Reply);
        EnhancedStatusCode? dsn = null;
        if (a.EnhancedStatus is { Length: > 0 } es && EnhancedStatusCode.TryParse(es.Trim(), out var parsed) && !parsed!.Equals(reply.Status)) dsn = parsed;
        return new BounceEvent
        {
            Source = source,
            Index = index,
            Recipient = recipient,
            RecipientDomain = Addresses.DomainOf(recipient)?.ToLowerInvariant(),
            Sender = sender,
            SenderDomain = Addresses.DomainOf(sender)?.ToLowerInvariant(),
            RemoteHost = a.RemoteHost is { Length: > 0 } host ? host.TrimEnd('.').ToLowerInvariant() : null,
            RemoteIp = a.RemoteIp is { Length: > 0 } ip ? ip : null,
            // SES writes "dsn; host" (RFC 3464's MTA-name-type; name), or the bare host.
            ReportingMta = a.ReportingMta is { Length: > 0 } mta ? mta.Split(';', 2)[^1].Trim().ToLowerInvariant() : null,
            SendingIp = a.SendingIp is { Length: > 0 } sip ? sip : null,
            Stream = FirstOf(a.Pool, a.MessageStream, a.Tags.Count > 0 ? a.Tags[0] : null),
            // A drop never reached a receiver: the ESP's own queue decided it.
            Stage = a.Status == EspStatus.Dropped ? SmtpStage.SenderQueue : a.Reply is { Length: > 0 } text ? StageDetector.Detect(text) : SmtpStage.Unknown,
            Action = a.Status switch
            {
                EspStatus.Delivered or EspStatus.Complained => DeliveryAction.Delivered,
                EspStatus.Deferred => DeliveryAction.Delayed,
                _ => DeliveryAction.Failed,
            },
            Reply = reply,
            DsnStatus = dsn,
            Timestamp = a.Timestamp,
            MessageId = a.MessageId is { Length: > 0 } id ? id : null,
            HeaderMessageId = MessageIds.Normalize(a.HeaderMessageId),
            Kind = a.Status == EspStatus.Complained ? EvidenceKind.Feedback : kind,
            SourceFormat = format,
            Hints = hints,
        };
    }

    // As the SES email reader and ARF reports: the complaint's feedback type is its text.
    private static SmtpReply Feedback(string type)
    {
        var text = "Feedback-Type: " + type;
        return new SmtpReply(null, null, text, text);
    }

    private static string? FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
