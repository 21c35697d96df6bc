using System.Globalization;
using System.Text;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

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
        foreach (var block in answer.Blocks)
        {
            if (block.Title is { } title && block is not ActionsBlock) text.Append("\n**").Append(TeamsText.Escape(title, 200)).Append("**\n\n");
            switch (block)
            {
                case FiguresBlock f:
                    foreach (var figure in f.Figures)
                        text.Append("- ").Append(TeamsText.Escape(figure.Label, 100)).Append(": **").Append(TeamsText.Escape(figure.Value, 200)).Append("**\n");
                    break;
                case FindingsBlock f:
                    foreach (var item in f.Items) Item(text, item);
                    break;
                case TableBlock t:
                    // Teams text messages have no tables: one line per row, cells joined.
                    foreach (var row in t.Rows)
                        text.Append("- ").Append(string.Join(" · ", row.Select((cell, i) => i < t.Columns.Count && i > 0 ? $"{TeamsText.Escape(t.Columns[i], 60)} {TeamsText.Escape(cell, 200)}" : TeamsText.Escape(cell, 200)))).Append('\n');
                    break;
                case ListBlock l:
                    for (var i = 0; i < l.Lines.Count; i++) text.Append(l.Ordered ? $"{i + 1}. " : "- ").Append(TeamsText.Escape(l.Lines[i], 500)).Append('\n');
                    break;
                case EvidenceBlock e:
                    foreach (var line in e.Lines.Take(5)) text.Append("- ").Append(TeamsText.Code(line, 400)).Append('\n');
                    break;
                case ActionsBlock a:
                    AppendList(text, a.Title ?? "What to do", a.Actions);
                    break;
                case DraftBlock d:
                    text.Append("To: ").Append(TeamsText.Escape(d.To, 300)).Append("  \nSubject: ").Append(TeamsText.Escape(d.Subject, 300)).Append("\n\n");
                    foreach (var line in d.Body.Split('\n')) text.Append("> ").Append(TeamsText.Escape(line, 1000)).Append("  \n");
                    break;
                case ChartBlock c:
                    text.Append('_').Append(TeamsText.Escape(c.AltText, 500)).Append("_\n");
                    break;
                case FileBlock f:
                    foreach (var line in f.Preview(8)) text.Append("- ").Append(TeamsText.Code(line, 400)).Append('\n');
                    text.Append('_').Append(TeamsText.Escape($"{f.FileName}: {f.LineCount - 1} rows; the whole file: {f.Command}", 500)).Append("_\n");
                    break;
                case LinksBlock l:
                    foreach (var link in l.Links.Where(link => IsWebUrl(link.Url)))
                        text.Append("\n[").Append(TeamsText.Escape(link.Title, 100)).Append("](").Append(SafeUrl(link.Url)).Append(')');
                    break;
                default:
                    throw new NotSupportedException($"No Teams markdown for block {block.GetType().Name}.");
            }
        }

        if (answer.FollowUps.Count > 0)
        {
            text.Append("\n\n_Try: ").Append(string.Join(" · ", answer.FollowUps.Select(question => TeamsText.Escape(question, 200)))).Append('_');
        }

        return TextBudget.FitMarkup(text.ToString().TrimEnd(), MaxChars);
    }

    private static void Item(StringBuilder text, AnswerItem item)
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
