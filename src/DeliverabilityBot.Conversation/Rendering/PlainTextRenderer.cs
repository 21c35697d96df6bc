using System.Globalization;
using System.Text;
using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>Plain text for terminals (<c>dbot ask</c>, <c>dbot chat</c>): headline, figures, numbered items, actions, links.</summary>
public sealed class PlainTextRenderer : IAnswerRenderer
{
    /// <inheritdoc />
    public string Format => "text";

    /// <inheritdoc />
    public string Render(Answer answer)
    {
        var sb = new StringBuilder();
        sb.AppendLine(T(answer.Headline));
        if (answer.Figures.Count > 0)
            sb.AppendLine("  " + string.Join(" · ", answer.Figures.Select(f => $"{T(f.Label)}: {T(f.Value)}")));
        var n = 0;
        foreach (var item in answer.Items)
        {
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"{++n}. {T(item.Title)}");
            var meta = Meta(item);
            sb.AppendLine(meta.Length > 0 ? $"  [{meta}]" : string.Empty);
            if (item.Explanation.Length > 0) sb.AppendLine("   " + T(item.Explanation));
            foreach (var f in item.Figures) sb.AppendLine($"   - {T(f.Label)}: {T(f.Value)}");
            foreach (var e in item.Evidence)
                foreach (var line in SafeText.Clean(e, keepNewlines: true).Split('\n'))
                    sb.AppendLine("   > " + line);
            if (item.RuleIds.Count > 0) sb.AppendLine("   rules: " + T(string.Join(", ", item.RuleIds)));
        }
        if (answer.Actions.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("What to do:");
            var i = 0;
            foreach (var a in answer.Actions) sb.AppendLine(CultureInfo.InvariantCulture, $"  {++i}. {T(a)}");
        }
        if (answer.Links.Count > 0)
        {
            sb.AppendLine();
            foreach (var l in answer.Links.Where(l => SafeText.IsWebUrl(l.Url))) sb.AppendLine($"  {T(l.Title)}: {T(l.Url)}");
        }
        if (answer.FollowUps.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Try: " + string.Join(" · ", answer.FollowUps.Select(f => "\"" + T(f) + "\"")));
        }
        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    private static string Meta(AnswerItem item) => string.Join(", ", new[]
    {
        item.Category is null or "none" ? null : T(item.Category),
        item.Confidence is { } c ? "confidence " + c.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal) : null,
    }.Where(s => s is not null));

    private static string T(string? s) => SafeText.Clean(s);
}
