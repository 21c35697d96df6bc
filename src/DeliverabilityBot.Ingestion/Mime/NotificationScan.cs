using System.Text.RegularExpressions;

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
            var at = notification.IndexOf(recipient, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) start = notification.LastIndexOf('\n', at) + 1;
        }
        var m = ReplyLine().Match(notification, start);
        return m.Success ? m.Value.Trim() : null;
    }

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
            var at = notification.IndexOf(recipient, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) start = notification.LastIndexOf('\n', at) + 1;
        }
        var window = notification.Substring(start, Math.Min(StageWindow, notification.Length - start));
        return Evidence.StageDetector.Detect(window);
    }

    private const int StageWindow = 1200;

    // A line holding "550 5.1.1 ...", "550-5.1.1", "5.1.1 ..." or "said: 550 ...", through its indented continuation lines.
    [GeneratedRegex(@"^[^\n]*?(?<![\d.])(?:[245]\d\d[ \-]+(?:#?[245]\.\d{1,3}\.\d{1,3}\s)?|[245]\.\d{1,3}\.\d{1,3}\s)[^\n]*(?:\n[ \t]+\S[^\n]*)*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyLine();
}
