using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Complaints from Microsoft's Junk Mail Reporting Program (Outlook.com / Hotmail), which are not ARF: a message
/// "complaint about message from &lt;ip&gt;" with the complained-about message attached, its recipient in the
/// attached headers' <c>X-HmXmrOriginalRecipient</c>. One <see cref="EvidenceKind.Feedback"/> event (type abuse),
/// shaped like <see cref="FeedbackReportReader"/>'s so the same rules and counts apply.
/// </summary>
public sealed partial class JmrpComplaintReader : IBounceReader
{
    private const string RecipientHeader = "X-HmXmrOriginalRecipient";

    /// <inheritdoc />
    public string Name => "jmrp";

    /// <inheritdoc />
    public IReadOnlyList<BounceEvent> Read(BounceMessage message, string source)
    {
        var complained = ComplainedMessage(message.Message);
        if (complained is null) return [];
        var recipient = Addresses.Normalize(complained.Headers[RecipientHeader]);
        var sender = Addresses.Normalize(complained.Headers["From"]);
        var ip = ComplaintSubject().Match(message.Message.Subject ?? string.Empty) is { Success: true } m ? m.Groups["ip"].Value : null;
        var timestamp = message.Message.Date == DateTimeOffset.MinValue ? (DateTimeOffset?)null : message.Message.Date;
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["feedbackType"] = "abuse" };
        return [FeedbackEvent.Create(source, 1, Name, recipient, sender, ip, reportingMta: null, timestamp, hints)];
    }

    private static MimeMessage? ComplainedMessage(MimeMessage m)
    {
        foreach (var part in m.BodyParts.Concat(m.Attachments))
            if (part is MessagePart { Message: { } attached } && attached.Headers.Contains(RecipientHeader)) return attached;
        return null;
    }

    [GeneratedRegex(@"complaint about message from (?<ip>[0-9A-Fa-f:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ComplaintSubject();
}
