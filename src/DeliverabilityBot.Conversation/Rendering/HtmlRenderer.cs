using System.Globalization;
using System.Text;
using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// An HTML fragment for the web chat: semantic elements with classes, every text HTML-encoded, bounce text in
/// <c>&lt;pre&gt;</c>, links only to http(s) URLs and opened without referrer. No scripts, styles or event attributes.
/// </summary>
public sealed class HtmlRenderer : IAnswerRenderer
{
    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string Render(Answer answer)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<article class=\"answer\" data-intent=\"{H(answer.Intent)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"headline\">{H(answer.Headline)}</p>");
        Figures(sb, answer.Figures, "figures");
        if (answer.Items.Count > 0)
        {
            sb.Append("<ol class=\"items\">");
            foreach (var item in answer.Items) Item(sb, item);
            sb.Append("</ol>");
        }
        if (answer.Actions.Count > 0)
        {
            sb.Append("<section class=\"actions\"><h3>What to do</h3><ol>");
            foreach (var a in answer.Actions) sb.Append(CultureInfo.InvariantCulture, $"<li>{H(a)}</li>");
            sb.Append("</ol></section>");
        }
        var links = answer.Links.Where(l => SafeText.IsWebUrl(l.Url)).ToList();
        if (links.Count > 0)
        {
            sb.Append("<ul class=\"links\">");
            foreach (var l in links)
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{H(l.Url)}\" rel=\"noopener noreferrer\" target=\"_blank\">{H(l.Title)}</a></li>");
            sb.Append("</ul>");
        }
        sb.Append("</article>");
        return sb.ToString();
    }

    private static void Item(StringBuilder sb, AnswerItem item)
    {
        sb.Append("<li class=\"item\">");
        sb.Append(CultureInfo.InvariantCulture, $"<h3>{H(item.Title)}</h3>");
        var meta = new List<string>();
        if (item.Category is { } c && c != "none") meta.Add(H(c));
        if (item.Confidence is { } conf) meta.Add("confidence " + conf.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal));
        if (meta.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{string.Join(" · ", meta)}</p>");
        if (item.Explanation.Length > 0) sb.Append(CultureInfo.InvariantCulture, $"<p>{H(item.Explanation)}</p>");
        Figures(sb, item.Figures, "item-figures");
        foreach (var e in item.Evidence)
            sb.Append(CultureInfo.InvariantCulture, $"<pre class=\"evidence\"><code>{SafeText.Html(e, keepNewlines: true)}</code></pre>");
        if (item.Actions.Count > 0)
        {
            sb.Append("<ul class=\"item-actions\">");
            foreach (var a in item.Actions) sb.Append(CultureInfo.InvariantCulture, $"<li>{H(a)}</li>");
            sb.Append("</ul>");
        }
        if (item.RuleIds.Count > 0)
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"rules\">Rules: {string.Join(", ", item.RuleIds.Select(r => $"<code>{H(r)}</code>"))}</p>");
        sb.Append("</li>");
    }

    private static void Figures(StringBuilder sb, IReadOnlyList<AnswerFigure> figures, string cssClass)
    {
        if (figures.Count == 0) return;
        sb.Append(CultureInfo.InvariantCulture, $"<dl class=\"{cssClass}\">");
        foreach (var f in figures) sb.Append(CultureInfo.InvariantCulture, $"<div><dt>{H(f.Label)}</dt><dd>{H(f.Value)}</dd></div>");
        sb.Append("</dl>");
    }

    private static string H(string? s) => SafeText.Html(s);
}
