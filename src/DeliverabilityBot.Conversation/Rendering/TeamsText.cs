namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Escaping for Teams message text (a Markdown subset that also passes some HTML). HTML-escaping
/// <c>&lt;</c> keeps user or bounce text from forming <c>&lt;at&gt;</c> mentions or tags; backslashes keep it
/// from turning into emphasis or links.
/// </summary>
public static class TeamsText
{
    /// <summary>Escapes text for Teams markdown, cut to <paramref name="max"/> characters.</summary>
    public static string Escape(string text, int max = int.MaxValue) => TextBudget.Fit(text, max, EscapeChar);

    /// <summary>Inline code: backticks become a look-alike so the text cannot close the span.</summary>
    public static string Code(string text, int max) =>
        "`" + TextBudget.Fit(text.ReplaceLineEndings(" "), max, c => c == '`' ? "ˋ" : HtmlChar(c)) + "`";

    /// <summary>Backslash-escapes Markdown punctuation only (for Adaptive Card fact values, which are not HTML).</summary>
    public static string EscapeCardMarkdown(string text, int max) => TextBudget.Fit(text, max, MarkdownChar);

    private static string? EscapeChar(char c) => HtmlChar(c) ?? MarkdownChar(c);

    private static string? HtmlChar(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        _ => null,
    };

    private static string? MarkdownChar(char c) => c is '\\' or '*' or '_' or '`' or '[' or ']' or '~' or '#' ? "\\" + c : null;
}
