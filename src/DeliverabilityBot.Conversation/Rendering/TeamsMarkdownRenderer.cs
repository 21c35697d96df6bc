using System.Globalization;
using System.Text;
using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Renders an <see cref="Answer"/> in the Markdown subset Teams shows in text messages (bold, italic,
/// lists, links, inline code; no headers or tables).
/// </summary>
public static class TeamsMarkdownRenderer
{
    /// <summary>Most characters a text message carries (Teams' payload limit counts UTF-16; this keeps well under it).</summary>
    public const int MaxChars = 12_000;

    /// <summary>The answer as Teams markdown.</summary>
    public static string Render(Answer answer)
    {
        var text = new StringBuilder("**").Append(TeamsText.Escape(answer.Headline, 500)).Append("**\n\n");
        foreach (var figure in answer.Figures)
        {
            text.Append("- ").Append(TeamsText.Escape(figure.Label, 100)).Append(": **").Append(TeamsText.Escape(figure.Value, 200)).Append("**\n");
        }

        foreach (var item in answer.Items)
        {
            text.Append("\n**").Append(TeamsText.Escape(item.Title, 200)).Append("**");
            if (item.Confidence is { } confidence)
            {
                text.Append(" _(").Append(confidence.ToString("P0", CultureInfo.InvariantCulture)).Append(" confidence)_");
            }

            text.Append("\n\n");
            if (!string.IsNullOrWhiteSpace(item.Explanation))
            {
                text.Append(TeamsText.Escape(item.Explanation, 1500)).Append("\n\n");
            }

            foreach (var example in item.Evidence.Take(3))
            {
                text.Append("- ").Append(TeamsText.Code(example, 400)).Append('\n');
            }

            if (item.RuleIds.Count > 0)
            {
                text.Append("\n_Rules: ").Append(TeamsText.Escape(string.Join(", ", item.RuleIds), 300)).Append("_\n");
            }
        }

        AppendList(text, "What to do", answer.Actions);
        foreach (var link in answer.Links.Where(link => IsWebUrl(link.Url)))
        {
            text.Append("\n[").Append(TeamsText.Escape(link.Title, 100)).Append("](").Append(SafeUrl(link.Url)).Append(')');
        }

        if (answer.FollowUps.Count > 0)
        {
            text.Append("\n\n_Try: ").Append(string.Join(" · ", answer.FollowUps.Select(question => TeamsText.Escape(question, 200)))).Append('_');
        }

        return TextBudget.FitMarkup(text.ToString().TrimEnd(), MaxChars);
    }

    private static void AppendList(StringBuilder text, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append("\n**").Append(heading).Append("**\n\n");
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(TeamsText.Escape(lines[i], 500)).Append('\n');
        }
    }

    /// <summary>An absolute URL with parentheses escaped so it cannot end the Markdown link early.</summary>
    internal static string SafeUrl(string url) =>
        new Uri(url).AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);

    internal static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
