namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Slack mrkdwn escaping. Slack only needs <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped; escaping
/// <c>&lt;</c> is also what keeps user or bounce text from becoming <c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c>
/// mentions or disguised links.
/// </summary>
public static class SlackMrkdwn
{
    /// <summary>Escapes text for a mrkdwn or plain_text field.</summary>
    public static string Escape(string text) => Fit(text, int.MaxValue);

    /// <summary>Escapes and cuts to <paramref name="max"/> characters (escapes count).</summary>
    public static string Fit(string text, int max) => TextBudget.Fit(text, max, EscapeChar);

    /// <summary>
    /// Escaped text for inside a <c>```</c> block: backticks become a look-alike so text cannot close
    /// the block.
    /// </summary>
    public static string Code(string text, int max) =>
        TextBudget.Fit(text, max, c => c == '`' ? "ˋ" : EscapeChar(c));

    /// <summary>A link <c>&lt;url|title&gt;</c> for http(s) URLs, otherwise the escaped title alone.</summary>
    public static string Link(string url, string title)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Escape(title);
        }

        return $"<{Escape(uri.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal)}|{Escape(title).Replace("|", "¦", StringComparison.Ordinal)}>";
    }

    private static string? EscapeChar(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        _ => null,
    };
}
