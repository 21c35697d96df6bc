using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Text;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>Finds a remote reply in the human-readable part of a bounce.</summary>
public static partial class NotificationScan
{
    /// <summary>
    /// The first line with an SMTP reply code or enhanced status in the paragraph that names
    /// <paramref name="recipient"/> (or anywhere when it is not named), with its continuation lines; null if none.
    /// </summary>
    public static string? ReplyNear(string notification, string? recipient)
    {
        if (string.IsNullOrEmpty(notification)) return null;
        var start = 0;
        if (!string.IsNullOrEmpty(recipient))
        {
            var at = IgnoreCaseSearch.IndexOf(notification, recipient);
            if (at >= 0) start = notification.LastIndexOf('\n', at) + 1;
        }
        var m = ReplyLine().Match(notification, start);
        return m.Success ? m.Value.Trim() : null;
    }

    /// <summary>
    /// The reply as the notification gives it for <paramref name="recipient"/>: a local delivery program's message
    /// above sendmail's line (<see cref="Formats.SendmailTranscript.LocalMailerMessageFor"/>), else a line with a reply code
    /// (<see cref="ReplyNear"/>), else the recipient's own paragraph (its line and the lines that follow up to a blank
    /// line, at most <see cref="ParagraphLines"/>), where MTAs without codes write the reason
    /// (<c>user@example.org: Domain does not exist</c>, Exim's <c>pipe to |/usr/bin/x ... mailbox is full</c>);
    /// null when the recipient is not named or nothing is found.
    /// </summary>
    public static string? ExplanationNear(string notification, string? recipient) =>
        Formats.SendmailTranscript.LocalMailerMessageFor(notification, recipient)
        ?? ReplyNear(notification, recipient) ?? ParagraphNear(notification, recipient);

    /// <summary>
    /// The recipient's line and up to <see cref="ParagraphLines"/> following non-blank lines, or null. Where the
    /// recipient is first named alone (sendmail's "The following addresses had permanent fatal errors" list), the
    /// paragraph of a later mention (its transcript line, "&lt;a@b&gt;... Deferred: Connection refused by ...") is taken.
    /// </summary>
    public static string? ParagraphNear(string notification, string? recipient)
    {
        if (string.IsNullOrEmpty(notification) || string.IsNullOrEmpty(recipient)) return null;
        for (var at = IgnoreCaseSearch.IndexOf(notification, recipient); at >= 0;
             at = IgnoreCaseSearch.IndexOf(notification, recipient, at + recipient.Length))
        {
            var start = notification.LastIndexOf('\n', at) + 1;
            var lines = new List<string>(ParagraphLines);
            foreach (var line in notification[start..].Split('\n'))
            {
                if (string.IsNullOrWhiteSpace(line) || lines.Count == ParagraphLines) break;
                lines.Add(line.Trim());
            }
            var text = string.Join(' ', lines);
            if (text.Length > recipient.Length + 2) return text; // the bare address alone explains nothing
        }
        return null;
    }

    /// <summary>How many lines of a recipient's paragraph <see cref="ParagraphNear"/> takes.</summary>
    public const int ParagraphLines = 6;

    /// <summary>
    /// The SMTP stage the notification states for <paramref name="recipient"/>: looked for from where the recipient is
    /// named (or the top) over the following lines, e.g. Postfix's <c>(in reply to end of DATA command)</c> or a
    /// sendmail transcript's <c>&gt;&gt;&gt; DATA</c>.
    /// </summary>
    public static Core.Events.SmtpStage StageNear(string notification, string? recipient)
    {
        if (string.IsNullOrEmpty(notification)) return Core.Events.SmtpStage.Unknown;
        var start = 0;
        if (!string.IsNullOrEmpty(recipient))
        {
            var at = IgnoreCaseSearch.IndexOf(notification, recipient);
            if (at >= 0) start = notification.LastIndexOf('\n', at) + 1;
        }
        return Evidence.StageDetector.Detect(notification, start, Math.Min(StageWindow, notification.Length - start));
    }

    private const int StageWindow = 1200;

    // A line holding "550 5.1.1 ...", "550-5.1.1", "5.1.1 ..." or "said: 550 ...", through its indented continuation lines.
    [GeneratedRegex(@"^[^\n]*?(?<![\d.])(?:[245]\d\d(?:[ \-]+(?:#?[245]\.\d{1,3}\.\d{1,3}\s)?|$)|[245]\.\d{1,3}\.\d{1,3}\s)[^\n]*(?:\n[ \t]+\S[^\n]*)*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyLine();
}
