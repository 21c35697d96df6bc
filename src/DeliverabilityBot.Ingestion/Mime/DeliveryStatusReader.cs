using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Dsn;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Reads RFC 3464 reports through MimeKit's <see cref="MessageDeliveryStatus.StatusGroups"/>: group 0 is per message,
/// every later group one recipient. Also accepts a <c>message/delivery-status</c> part MimeKit left as text
/// (some MTAs label it <c>text/plain</c> or put it inside a nested multipart).
/// </summary>
public static class DeliveryStatusReader
{
    /// <summary>The field groups of every delivery-status part in <paramref name="message"/> (message group first).</summary>
    public static IReadOnlyList<DsnFieldGroup> Groups(MimeMessage message)
    {
        var groups = new List<DsnFieldGroup>();
        foreach (var part in message.BodyParts)
        {
            if (part is MessageDeliveryStatus mds)
            {
                foreach (var headers in mds.StatusGroups)
                {
                    var g = new DsnFieldGroup();
                    foreach (var h in headers) g = DsnFieldGroup.AddField(groups, g, h.Field, h.Value);
                    if (!g.IsEmpty) groups.Add(g);
                }
            }
            else if (part is TextPart tp && IsDeliveryStatusType(part.ContentType))
            {
                groups.AddRange(DsnFieldText.Parse(tp.Text));
            }
        }
        return groups;
    }

    /// <summary>
    /// Events for each per-recipient group; <paramref name="diagnosticFor"/> supplies a reply from the human-readable
    /// part when a group's <c>Diagnostic-Code</c> is missing or says nothing (see <see cref="DsnEventBuilder.IsUninformative"/>);
    /// <paramref name="stageFor"/> is asked only for a recipient whose diagnostic names no SMTP stage.
    /// </summary>
    public static List<BounceEvent> Read(IReadOnlyList<DsnFieldGroup> groups, string source, string format,
        Func<string?, string?>? diagnosticFor = null, Func<string?, SmtpStage>? stageFor = null)
    {
        var events = new List<BounceEvent>();
        DsnFieldGroup? messageGroup = null;
        foreach (var g in groups)
        {
            if (!g.IsRecipientGroup)
            {
                messageGroup ??= g;
                continue;
            }
            var rcpt = g.Typed("Final-Recipient") ?? g.Typed("Original-Recipient");
            var fallback = DsnEventBuilder.IsUninformative(g.Typed("Diagnostic-Code")) ? diagnosticFor?.Invoke(rcpt) : null;
            events.Add(DsnEventBuilder.Build(messageGroup, g, source, events.Count + 1, format, fallback,
                () => stageFor?.Invoke(rcpt) ?? SmtpStage.Unknown));
        }
        return events;
    }

    private static bool IsDeliveryStatusType(ContentType type) =>
        type.MediaSubtype.Equals("delivery-status", StringComparison.OrdinalIgnoreCase)
        || type.MediaSubtype.Equals("global-delivery-status", StringComparison.OrdinalIgnoreCase);
}
