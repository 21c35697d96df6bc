using System.Text;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Core.Smtp;

/// <summary>
/// Lenient parser for SMTP replies in the shapes they reach people: a bare reply (<c>554 5.7.1 [CS01] ...</c>),
/// a multi-line reply (<c>550-5.7.1 ...</c> / <c>550 5.7.1 ...</c>), a DSN <c>Diagnostic-Code: smtp; ...</c> field,
/// or a reply quoted inside other text (<c>host mx01.mail.icloud.com said: 421 4.7.0 ...</c>). Never throws.
/// </summary>
public static partial class SmtpReplyParser
{
    /// <summary>Replies longer than this are cut before parsing; evidence texts are never this long in practice.</summary>
    public const int MaxInputLength = 64 * 1024;

    /// <summary>Parses <paramref name="input"/>; returns <see cref="SmtpReply.Empty"/> for null or blank input.</summary>
    public static SmtpReply Parse(string? input) => Parse(input, allowShortcut: true);

    /// <summary>Parses; <paramref name="allowShortcut"/> false always takes the general path (tests compare the two).</summary>
    internal static SmtpReply Parse(string? input, bool allowShortcut)
    {
        if (string.IsNullOrWhiteSpace(input)) return SmtpReply.Empty;
        var raw = input.Length > MaxInputLength ? input[..MaxInputLength] : input;
        raw = raw.Trim();
        if (allowShortcut && TryParseSimple(raw) is { } simple) return simple;
        var body = StripPrefixes(raw);
        var joined = JoinContinuationLines(body, out var code, out var status);

        if (code is null)
        {
            // The reply is quoted inside other text: take the first "NNN N.N.N" pair, else "said: NNN".
            var pair = FirstFailurePair(joined);
            if (pair.Success)
            {
                code = int.Parse(pair.Groups["code"].ValueSpan);
                EnhancedStatusCode.TryParse(pair.Groups["status"].ValueSpan, out status);
                joined = joined[(pair.Index + pair.Length)..].TrimStart(' ', '-', ':');
            }
            else if (SaidCode().Match(joined) is { Success: true } said)
            {
                code = int.Parse(said.Groups["code"].ValueSpan);
                joined = joined[(said.Index + said.Length)..].TrimStart(' ', '-', ':');
                if (LeadingStatus().Match(joined) is { Success: true } ls && EnhancedStatusCode.TryParse(ls.Groups["status"].ValueSpan, out status))
                    joined = joined[ls.Length..].TrimStart();
                else if (StatusAnywhere().Match(joined) is { Success: true } later)
                    EnhancedStatusCode.TryParse(later.Groups["status"].ValueSpan, out status);
            }
            else if (StatusAnywhere().Match(joined) is { Success: true } st)
            {
                EnhancedStatusCode.TryParse(st.Groups["status"].ValueSpan, out status);
            }
        }

        // qmail and others mark the status inside the text: "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)".
        if (code is not null && status is null && MarkedStatus().Match(joined) is { Success: true } marked)
            EnhancedStatusCode.TryParse(marked.Groups["status"].ValueSpan, out status);

        if (code is not null && SendmailInnerReply().Match(joined) is { Success: true } inner)
        {
            code = int.Parse(inner.Groups["code"].ValueSpan);
            if (inner.Groups["status"].Success && EnhancedStatusCode.TryParse(inner.Groups["status"].ValueSpan, out var innerStatus)) status = innerStatus;
        }

        // An MTA's own expiry (X.4.7) that quotes the last attempt's reply in angle brackets (Amazon WorkMail:
        // "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>"): the quoted
        // reply is what the receiving side said; the text keeps both, so expiry rules still see the expiry.
        if (status is { Subject: 4, Detail: 7 } && QuotedLastReply().Match(joined) is { Success: true } last)
        {
            code = int.Parse(last.Groups["code"].ValueSpan);
            EnhancedStatusCode.TryParse(last.Groups["status"].ValueSpan, out status);
        }

        if (code is not null) joined = StripEmbeddedContinuations(CollapseWhitespace(joined), body, code.Value, status);
        return new SmtpReply(code, status, CollapseWhitespace(joined), raw);
    }

    /// <summary>
    /// Removes the reply's own <c>NNN-N.N.N</c> continuation prefixes left inside the text when a multi-line reply
    /// was re-folded at other places (Postfix DSN <c>Diagnostic-Code</c> fields, e.g. Gmail's
    /// "not accepted due to 550-5.7.26 domain's DMARC policy"). The space form (<c>550 5.7.26</c>, the last line)
    /// is removed only when the reply is multi-line, so a quoted nested reply ("said: 550 5.1.1 ...") stays.
    /// </summary>
    private static string StripEmbeddedContinuations(string text, string body, int code, EnhancedStatusCode? status)
    {
        var prefix = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dash = status is null ? prefix + "-" : $"{prefix}-{status}";
        var multiLine = body.TrimStart().StartsWith(prefix + "-", StringComparison.Ordinal)
            || text.Contains(" " + dash + " ", StringComparison.Ordinal);
        if (!multiLine) return text;
        text = RemoveToken(text, dash);
        return status is null ? text : RemoveToken(text, $"{prefix} {status}");
    }

    private static string RemoveToken(string text, string token)
    {
        var needle = " " + token + " ";
        var padded = " " + text + " ";
        if (!padded.Contains(needle, StringComparison.Ordinal)) return text;
        while (padded.Contains(needle, StringComparison.Ordinal)) padded = padded.Replace(needle, " ", StringComparison.Ordinal);
        return padded[1..^1];
    }

    private static string StripPrefixes(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.StartsWith("Diagnostic-Code:", StringComparison.OrdinalIgnoreCase)) t = t["Diagnostic-Code:".Length..].TrimStart();
        // "smtp; 550 ..." / "X-Postfix; ..." / "X-Unix; ..." diagnostic types (RFC 3464 section 2.3.6).
        var semi = t.IndexOf(';');
        if (semi is > 0 and < 16 && IsDiagnosticType(t[..semi])) t = t[(semi + 1)..].TrimStart();
        return t.ToString();
    }

    private static bool IsDiagnosticType(ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '-')) return false;
        return true;
    }

    /// <summary>Joins lines; strips a leading <c>NNN-</c>/<c>NNN </c> (and a repeated enhanced code) from each line.</summary>
    private static string JoinContinuationLines(string body, out int? code, out EnhancedStatusCode? status)
    {
        code = null;
        status = null;
        var sb = new StringBuilder(body.Length);
        var first = true;
        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.AsSpan().Trim();
            // Transcripts and logs mark the server's lines with an arrow: sendmail "<<< 550 ...", swaks and debug logs
            // "<-- 451 ...", others ">>> 451 ...". The reply (and its 4xx/5xx class) follows the arrow.
            line = StripTranscriptArrow(line);
            if (line.IsEmpty) continue;
            var m = LineCode().Match(line.ToString());
            if (m.Success && (first || code?.ToString() == m.Groups["code"].Value))
            {
                code ??= int.Parse(m.Groups["code"].ValueSpan);
                line = line[m.Length..];
                if (LeadingStatus().Match(line.ToString()) is { Success: true } ls && EnhancedStatusCode.TryParse(ls.Groups["status"].ValueSpan, out var st))
                {
                    if (status is null || status.Equals(st))
                    {
                        status ??= st;
                        line = line[ls.Length..];
                    }
                }
            }
            else if (first && LeadingStatus().Match(line.ToString()) is { Success: true } ls2 && EnhancedStatusCode.TryParse(ls2.Groups["status"].ValueSpan, out var st2))
            {
                // "#5.1.1 ..." or "5.1.1 ..." without a reply code (Exchange, some DSNs).
                status = st2;
                line = line[ls2.Length..];
            }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(line.Trim());
            first = false;
        }
        return sb.ToString();
    }

    private static ReadOnlySpan<char> StripTranscriptArrow(ReadOnlySpan<char> line)
    {
        foreach (var arrow in TranscriptArrows)
            if (line.StartsWith(arrow, StringComparison.Ordinal)) return line[arrow.Length..].TrimStart();
        // A log stamps the arrow's line with its time first ("2026-12-08 03:00:01 <-- 451 ...", "Dec  8 03:00:01 <-- 451
        // ...", "[03:00:01.123] >>> 451 ..."): the timestamp is not the reply, and must not hide its code.
        if (line.Length > 8 && (char.IsAsciiDigit(line[0]) || line[0] is '[' or '(' || char.IsAsciiLetterUpper(line[0])))
        {
            var stamped = TimestampedArrow().Match(line.ToString());
            if (stamped.Success) return line[stamped.Length..].TrimStart();
        }
        return line;
    }

    // An ISO 8601 or RFC 3339 time (date optional), or syslog's "Mmm dd hh:mm:ss", optionally bracketed, then the arrow.
    [GeneratedRegex(@"^[\[(]?(?:(?:\d{4}-\d{2}-\d{2}[T ])?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?|[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}(?:[.,]\d+)?)[\])]?\s+(?:<<<|<--|>>>)")]
    private static partial Regex TimestampedArrow();

    private static readonly string[] TranscriptArrows = ["<<<", "<--", ">>>"];

    // A transcript quotes the whole dialogue ("Out: 250 2.1.5 Ok ... Out: 451 4.3.0 Error: queue file write error"):
    // the first failing pair explains the bounce; a success pair is taken only when there is no failure.
    private static Match FirstFailurePair(string text)
    {
        var first = CodeAndStatusAnywhere().Match(text);
        for (var m = first; m.Success; m = m.NextMatch())
            if (m.Groups["code"].ValueSpan[0] != '2') return m;
        return first;
    }

    private static string CollapseWhitespace(string s) => MultiSpace().Replace(s, " ").Trim();

    [GeneratedRegex(@"^(?<code>[245]\d\d)(?:[ \-]|:(?=\s)|$)")]
    private static partial Regex LineCode();

    // sendmail's "554 <user@example.org>... 550 Host unknown": its own summary code, then the remote server's reply.
    [GeneratedRegex(@"^<?[^\s<>@]+@[^\s<>]+>?\.\.\.\s+(?<code>[245]\d\d)(?:[ \-]+#?(?<status>[245]\.\d{1,3}\.\d{1,3})(?![\d.]))?(?=[ \-:]|$)")]
    private static partial Regex SendmailInnerReply();

    [GeneratedRegex(@"<(?<code>[245]\d\d) (?<status>[245]\.\d{1,3}\.\d{1,3}) [^<>]*>\s*$")]
    private static partial Regex QuotedLastReply();

    [GeneratedRegex(@"^#?\s*(?<status>[245]\.\d{1,3}\.\d{1,3})(?![\d.])\s*")]
    private static partial Regex LeadingStatus();

    [GeneratedRegex(@"(?<![\w.])(?<code>[245]\d\d)[ \-]#?(?<status>[245]\.\d{1,3}\.\d{1,3})(?![\d.])")]
    private static partial Regex CodeAndStatusAnywhere();

    [GeneratedRegex(@"(?:(?:said|replied|response|reply|answered|error)(?:[ _]?code)?\s*:?|:)\s*(?<code>[245]\d\d)(?=[ \-,]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SaidCode();

    [GeneratedRegex(@"(?<![\w.])(?<status>[245]\.\d{1,3}\.\d{1,3})(?![\d.])")]
    private static partial Regex StatusAnywhere();

    [GeneratedRegex(@"\(#(?<status>[245]\.\d{1,3}\.\d{1,3})(?![\d.])")]
    private static partial Regex MarkedStatus();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultiSpace();
}
