using System.Text;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Dsn;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Mime;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Evidence;

/// <summary>
/// Reads pasted evidence into bounce events: a whole bounce email (DSN or a vendor format), a pasted
/// <c>message/delivery-status</c> body, Postfix/Exim/sendmail log lines, or a bare SMTP reply.
/// </summary>
public static partial class TextEvidenceParser
{
    /// <summary>Parses <paramref name="text"/>; empty for blank input. Never throws on malformed text.</summary>
    /// <param name="text">The pasted evidence.</param>
    /// <param name="recipientHint">An address (sets recipient and domain) or a domain (sets the domain), used where the evidence names none.</param>
    /// <param name="source">The source put on every event (e.g. <c>text</c>, <c>-</c>, a path).</param>
    public static IReadOnlyList<BounceEvent> Parse(string text, string? recipientHint, string source)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var normalized = NotificationText.Normalize(text.Trim('\uFEFF')).Trim('\n');
        var events = ParseShapes(normalized, source);
        var hint = RecipientHint.From(recipientHint);
        return hint is null ? events : [.. events.Select(hint.ApplyTo)];
    }

    private static IReadOnlyList<BounceEvent> ParseShapes(string text, string source)
    {
        // A whole email is read as one: a message that is not a bounce yields nothing rather than a guessed reply.
        if (LooksLikeEmail(text) && ParseEmail(text, source) is { } fromEmail) return fromEmail;
        if (DsnField().IsMatch(text))
        {
            var fromFields = DeliveryStatusReader.Read(DsnFieldText.Parse(text), source, "rfc3464");
            if (fromFields.Count > 0) return fromFields;
        }
        var lines = text.Split('\n');
        if (lines.Any(MtaLogParser.LooksLikeLogLine))
        {
            var fromLog = new MtaLogParser().Parse(lines, source).ToList();
            if (fromLog.Count > 0) return fromLog;
        }
        return [BareReply(text, source)];
    }

    private static BounceEvent BareReply(string text, string source)
    {
        var reply = SmtpReply.Parse(text);
        var recipient = Addresses.Normalize(RecipientInReply().Match(text).Groups["a"].Value);
        return new BounceEvent
        {
            Source = source,
            Index = 1,
            Recipient = recipient,
            RecipientDomain = Addresses.DomainOf(recipient),
            Stage = StageDetector.Detect(text),
            Action = reply.ReplyClass switch { 4 => DeliveryAction.Delayed, 2 => DeliveryAction.Delivered, _ => DeliveryAction.Failed },
            Reply = reply,
            Kind = EvidenceKind.Reply,
            // No report or log around it: rules tell a bare reply from a report that left the stage out (SMTP1015).
            SourceFormat = "reply",
        };
    }

    private static IReadOnlyList<BounceEvent>? ParseEmail(string text, string source)
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            using var message = MimeMessage.Load(IngestionLimits.Default.ParserOptions, stream);
            return BounceMessageReader.Read(message, source);
        }
        catch (FormatException)
        {
            return null; // not parseable as an email after all: the other shapes are tried
        }
    }

    /// <summary>True when the text starts with an RFC 5322 header block naming a typical email header.</summary>
    internal static bool LooksLikeEmail(ReadOnlySpan<char> text)
    {
        // Matched in place: every file's first kilobytes come through here (InputSniffer), so no copies of the head.
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end > 0 ? text[..end] : text;
        if (!HeaderLine().IsMatch(head[..Math.Min(head.Length, 200)])) return false;
        return EmailHeader().IsMatch(head);
    }

    [GeneratedRegex(@"^(?:From [^\n]*\n)?[A-Za-z][A-Za-z0-9\-]*:[ \t]", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(?:From|Received|Return-Path|Subject|Content-Type|MIME-Version|Message-ID|Delivered-To|Date|To):", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailHeader();

    [GeneratedRegex(@"^(?:Final-Recipient|Original-Recipient):", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DsnField();

    // "<user@example.com>... User unknown", "550 5.1.1 <user@example.com>: Recipient address rejected".
    [GeneratedRegex(@"<(?<a>[^<>\s@]+@[^<>\s@]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex RecipientInReply();
}
