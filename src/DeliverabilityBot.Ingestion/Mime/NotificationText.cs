using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Extracts the human-readable notification of a bounce: every text part outside attached messages and outside the
/// machine-readable report parts, decoded from its charset and transfer encoding, with LF line endings.
/// </summary>
public static partial class NotificationText
{
    /// <summary>The notification text of <paramref name="message"/> (empty when it has none).</summary>
    public static string Of(MimeMessage message)
    {
        // Usually one part: then no builder, and no copy of the text when its line ends are already LF.
        string? first = null;
        StringBuilder? sb = null;
        var sawPlain = false;
        foreach (var part in message.BodyParts)
        {
            if (part is not TextPart tp || IsReportPart(tp.ContentType)) continue;
            // Prefer plain text; take HTML only when no plain part came first (an alternative rendering otherwise).
            if (tp.IsHtml && sawPlain) continue;
            string text;
            try { text = AsciiTextContent.TryRead(tp) ?? tp.Text ?? string.Empty; }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException)
            {
                continue; // an undecodable part is skipped; the others still count
            }
            if (tp.IsHtml) text = StripHtml(text);
            else sawPlain = true;
            if (first is null)
            {
                first = text;
                continue;
            }
            sb ??= new StringBuilder(first);
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(text);
        }
        return Normalize(sb?.ToString() ?? first ?? BoundarylessBody(message) ?? string.Empty);
    }

    // A multipart whose body has no boundary line at all (an old sendmail DSN whose header a gateway rewrote, and no
    // boundary to repair it with): MimeKit keeps the whole body as its preamble, which is then the only text there is.
    private static string? BoundarylessBody(MimeMessage message) =>
        message.Body is Multipart { Count: 0 } mp && !string.IsNullOrWhiteSpace(mp.Preamble) ? mp.Preamble : null;

    /// <summary>Normalises CRLF and CR-only line endings to LF.</summary>
    public static string Normalize(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private static bool IsReportPart(ContentType t) =>
        t.MediaSubtype.Equals("delivery-status", StringComparison.OrdinalIgnoreCase)
        || t.MediaSubtype.Equals("global-delivery-status", StringComparison.OrdinalIgnoreCase)
        || t.MediaSubtype.Equals("feedback-report", StringComparison.OrdinalIgnoreCase)
        || t.MediaSubtype.Equals("rfc822-headers", StringComparison.OrdinalIgnoreCase)
        || t.MediaSubtype.Equals("global-headers", StringComparison.OrdinalIgnoreCase);

    private static string StripHtml(string html)
    {
        var noScript = ScriptOrStyle().Replace(html, " ");
        var withBreaks = BlockTag().Replace(noScript, "\n");
        return WebUtility.HtmlDecode(AnyTag().Replace(withBreaks, string.Empty));
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<\s*(?:br|/p|/div|/tr|/li|/h\d|p|div|tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
