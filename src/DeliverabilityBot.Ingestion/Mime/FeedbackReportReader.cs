using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Dsn;
using DeliverabilityBot.Ingestion.Evidence;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// ARF complaint reports (RFC 5965, <c>multipart/report; report-type=feedback-report</c>): one
/// <see cref="EvidenceKind.Feedback"/> event per <c>Original-Rcpt-To</c>, or for the original message's <c>To</c>
/// when the report names none. <c>Feedback-Type</c> (abuse, fraud, ...) is kept in <see cref="BounceEvent.Hints"/>.
/// </summary>
public sealed class FeedbackReportReader : IBounceReader
{
    /// <inheritdoc />
    public string Name => "arf";

    /// <inheritdoc />
    public IReadOnlyList<BounceEvent> Read(BounceMessage message, string source)
    {
        var report = ReportFields(message.Message);
        if (report is null) return [];
        List<string?> recipients = [.. report.All("Original-Rcpt-To").Select(Addresses.Normalize).OfType<string>().Distinct()];
        if (recipients.Count == 0 && Addresses.Normalize(message.OriginalHeaders?["To"]) is { } to) recipients.Add(to);
        if (recipients.Count == 0) recipients.Add(null);

        var feedbackType = report.First("Feedback-Type")?.Trim().ToLowerInvariant() ?? "abuse";
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["feedbackType"] = feedbackType };
        if (report.First("User-Agent") is { } agent) hints["userAgent"] = agent;
        var sender = Addresses.Normalize(report.First("Original-Mail-From"));
        var sendingIp = report.First("Source-IP")?.Trim();
        var reportingMta = report.First("Reporting-MTA") is { } mta ? mta[(mta.IndexOf(';') + 1)..].Trim().ToLowerInvariant() : null;
        var arrived = DsnEventBuilder.DateOf(report.First("Arrival-Date") ?? report.First("Received-Date")) ?? message.Message.Date;
        var events = new List<BounceEvent>(recipients.Count);
        foreach (var rcpt in recipients)
            events.Add(FeedbackEvent.Create(source, events.Count + 1, Name, rcpt, sender, sendingIp, reportingMta, arrived, hints));
        return events;
    }

    private static FeedbackFields? ReportFields(MimeMessage m)
    {
        foreach (var part in m.BodyParts)
        {
            if (!part.ContentType.MediaSubtype.Equals("feedback-report", StringComparison.OrdinalIgnoreCase)) continue;
            var text = part is TextPart tp ? tp.Text : ReadRaw(part);
            return FeedbackFields.Parse(text ?? string.Empty);
        }
        return null;
    }

    private static string ReadRaw(MimeEntity part)
    {
        if (part is not MimePart { Content: { } content }) return string.Empty;
        using var ms = new MemoryStream();
        content.DecodeTo(ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
