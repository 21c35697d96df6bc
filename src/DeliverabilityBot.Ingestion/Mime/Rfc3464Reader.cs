using DeliverabilityBot.Core.Events;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// RFC 3464 delivery status notifications. When a recipient group carries no <c>Diagnostic-Code</c>, the reply is
/// looked up in the human-readable part next to the recipient's address (many MTAs put it only there). The events'
/// source format is the reporting system's name when <see cref="ReportingSystems"/> knows it, else <c>rfc3464</c>.
/// </summary>
public sealed class Rfc3464Reader : IBounceReader
{
    /// <inheritdoc />
    public string Name => "rfc3464";

    /// <inheritdoc />
    public IReadOnlyList<BounceEvent> Read(BounceMessage message, string source)
    {
        var groups = DeliveryStatusReader.Groups(message.Message);
        if (groups.Count == 0) return [];
        return DeliveryStatusReader.Read(groups, source, ReportingSystems.Detect(message) ?? Name,
            rcpt => NotificationScan.ExplanationNear(message.Notification, rcpt),
            rcpt => NotificationScan.StageNear(message.Notification, rcpt));
    }
}
