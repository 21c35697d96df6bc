using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Auto-replies (RFC 3834 <c>Auto-Submitted: auto-replied</c>, and the vacation / out-of-office notices that omit it):
/// one <see cref="EvidenceKind.AutoReply"/> event for the person who is away (the notice's From). Tried after every
/// bounce reader, because MTAs mark their bounces <c>auto-replied</c> too.
/// </summary>
public sealed partial class AutoReplyReader : IBounceReader
{
    /// <inheritdoc />
    public string Name => "rfc3834";

    /// <inheritdoc />
    public IReadOnlyList<BounceEvent> Read(BounceMessage message, string source)
    {
        if (!IsAutoReply(message)) return [];
        var who = message.From.Length > 0 ? message.From : null;
        var subject = message.Subject;
        return
        [
            new BounceEvent
            {
                Source = source,
                Index = 1,
                Recipient = who,
                RecipientDomain = Addresses.DomainOf(who),
                Action = DeliveryAction.Delivered, // the mail arrived; a person's robot answered
                Reply = new SmtpReply(null, null, subject, subject),
                Timestamp = message.Message.Date == DateTimeOffset.MinValue ? null : message.Message.Date,
                Kind = EvidenceKind.AutoReply,
                SourceFormat = Name,
            },
        ];
    }

    private static bool IsAutoReply(BounceMessage m)
    {
        if (Formats.BounceSignals.IsBounce(m)) return false;
        var autoSubmitted = m.Header("Auto-Submitted");
        if (autoSubmitted is not null && autoSubmitted.Trim().StartsWith("auto-replied", StringComparison.OrdinalIgnoreCase)) return true;
        if (m.Header("X-Autoreply") is not null || m.Header("X-Autorespond") is not null) return true;
        if (m.Header("Precedence") is { } p && p.Contains("auto_reply", StringComparison.OrdinalIgnoreCase)) return true;
        return VacationSubject().IsMatch(m.Subject);
    }

    [GeneratedRegex(@"^(?:Auto(?:matic)?[ \-]?(?:reply|response|antwort)|Out of (?:the )?office|Away from|I am away|On vacation|Vacation|Abwesenheit|R[ée]ponse automatique|自動応答|不在)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VacationSubject();
}
