using System.Text;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Neutralises text from outside (bounce replies, log lines, what people typed) before it reaches a terminal or a
/// page: control characters (ANSI escape sequences, NUL, bidirectional overrides) are dropped.
/// </summary>
public static class SafeText
{
    /// <summary>The text without control characters; newlines become spaces unless <paramref name="keepNewlines"/>.</summary>
    public static string Clean(string? text, bool keepNewlines = false)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch == '\n') sb.Append(keepNewlines ? '\n' : ' ');
            else if (ch == '\t') sb.Append(' ');
            else if (char.IsControl(ch) || IsBidiControl(ch)) continue;
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>HTML-encodes text for element content and quoted attribute values (after <see cref="Clean"/>).</summary>
    public static string Html(string? text, bool keepNewlines = false)
    {
        var clean = Clean(text, keepNewlines);
        var sb = new StringBuilder(clean.Length + 16);
        foreach (var ch in clean)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>True for an absolute http or https URL, the only links renderers emit.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    private static bool IsBidiControl(char ch) => ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
