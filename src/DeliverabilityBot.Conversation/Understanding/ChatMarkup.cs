using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// Removes the markup chat channels wrap around what people type: Teams <c>&lt;at&gt;</c> mentions and HTML
/// paragraphs, Slack <c>&lt;@U123&gt;</c> mentions, <c>&lt;mailto:a|b&gt;</c> and <c>&lt;url|label&gt;</c> links, HTML entities,
/// quote markers and code fences (whose content is kept and reported as pasted blocks).
/// </summary>
/// <remarks>Only those constructs are removed: a pasted Postfix line's <c>&lt;jane@icloud.com&gt;:</c> stays intact.</remarks>
public static partial class ChatMarkup
{
    private const int MaxPasses = 16;

    /// <summary>Strips markup; never throws.</summary>
    public static StrippedText Strip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new StrippedText(string.Empty, []);
        var s = text.Replace("\r\n", "\n").Replace('\r', '\n');
        // Removing one construct can join what was around it into another ("<<url|a> x>", "<i<!here> x>"): repeat until
        // nothing changes, so the result holds none of this markup (bounded; real channels escape a typed '<').
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var before = s;
            s = TeamsMention().Replace(s, " ");
            s = HtmlBreak().Replace(s, "\n");
            s = HtmlTag().Replace(s, string.Empty);
            s = SlackUserMention().Replace(s, " ");
            s = SlackSpecial().Replace(s, " ");
            s = SlackChannel().Replace(s, m => "#" + m.Groups["name"].Value);
            s = SlackMailto().Replace(s, m => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["addr"].Value);
            s = SlackLink().Replace(s, m => m.Groups["url"].Value);
            if (s == before) break;
        }
        s = WebUtility.HtmlDecode(s).Replace('\u00a0', ' ');

        var blocks = new List<string>();
        s = Fence().Replace(s, m =>
        {
            var body = m.Groups["body"].Value.Trim('\n');
            if (body.Trim().Length > 0) blocks.Add(body);
            return "\n" + body + "\n";
        });
        s = InlineCode().Replace(s, m => m.Groups["body"].Value);
        return new StrippedText(NormalizeLines(s), blocks);
    }

    private static string NormalizeLines(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var raw in s.Split('\n'))
        {
            var line = QuoteMarker().Replace(raw, string.Empty);
            line = Spaces().Replace(line, " ").Trim();
            if (line.Length == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(line);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"<at(?:\s[^<>]*)?>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TeamsMention();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBreak();

    // A tag's attributes hold no '<': "<i y <a@b.example>" is text with an address in it, not a tag.
    [GeneratedRegex(@"</?(?:p|div|span|b|i|em|strong|ol|ul|li)(?:\s[^<>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    // Slack escapes a typed '<' as &lt;, so a raw '<' never sits inside its markup: excluding it keeps a stray '<' before a
    // link from joining what follows into a new link once the first is replaced (found by the idempotence property).
    [GeneratedRegex(@"<@[UWB][A-Z0-9]+(?:\|[^<>]*)?>")]
    private static partial Regex SlackUserMention();

    [GeneratedRegex(@"<!(?:here|channel|everyone)(?:\|[^<>]*)?>|<!subteam\^[A-Z0-9]+(?:\|[^<>]*)?>")]
    private static partial Regex SlackSpecial();

    [GeneratedRegex(@"<#C[A-Z0-9]+\|(?<name>[^<>]*)>")]
    private static partial Regex SlackChannel();

    [GeneratedRegex(@"<mailto:(?<addr>[^|<>\s]+)(?:\|(?<label>[^<>]*))?>", RegexOptions.IgnoreCase)]
    private static partial Regex SlackMailto();

    [GeneratedRegex(@"<(?<url>https?://[^|<>\s]+)(?:\|[^<>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex SlackLink();

    [GeneratedRegex(@"```[a-zA-Z0-9_-]*[ \t]*\n?(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    // Markdown code spans: a run of one or two backticks closed by a run of the same length (a lone or mismatched run is
    // literal text). Pairing any two single backticks made a stray "``" swallow the wrong span, so stripping the result
    // again removed more.
    [GeneratedRegex(@"(?<!`)(?<t>`{1,2})(?!`)(?<body>[^\n]+?)(?<!`)\k<t>(?!`)")]
    private static partial Regex InlineCode();

    // Nested quote markers may be separated by any whitespace ("> \t> text"); with at most one space between them, a
    // marker after a tab survived one strip and fell to the next (found by the idempotence property).
    [GeneratedRegex(@"^\s*(?:>\s*)+")]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex Spaces();
}

/// <summary>Text with chat markup removed, one line per original line, blank lines dropped.</summary>
/// <param name="Text">The cleaned text.</param>
/// <param name="CodeBlocks">Contents of fenced code blocks, in order (pasted bounces usually arrive this way).</param>
public sealed record StrippedText(string Text, IReadOnlyList<string> CodeBlocks);
