using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// The one shape of a complaint event, whatever report carried it (ARF, Microsoft JMRP): the mail arrived and the
/// recipient complained, so the action is delivered and the "reply" names the feedback type for the rules.
/// </summary>
public static class FeedbackEvent
{
    /// <summary>A <see cref="EvidenceKind.Feedback"/> event; <paramref name="hints"/> must already hold <c>feedbackType</c>.</summary>
    public static BounceEvent Create(string source, int index, string format, string? recipient, string? sender, string? sendingIp,
        string? reportingMta, DateTimeOffset? timestamp, Dictionary<string, string> hints)
    {
        var text = $"Feedback-Type: {hints["feedbackType"]}";
        return new BounceEvent
        {
            Source = source,
            Index = index,
            Recipient = recipient,
            RecipientDomain = Addresses.DomainOf(recipient),
            Sender = sender,
            SenderDomain = Addresses.DomainOf(sender),
            SendingIp = sendingIp,
            ReportingMta = reportingMta,
            Stage = SmtpStage.Unknown,
            Action = DeliveryAction.Delivered,
            Reply = new SmtpReply(null, null, text, text),
            Timestamp = timestamp,
            Kind = EvidenceKind.Feedback,
            SourceFormat = format,
            Hints = hints,
        };
    }
}
