using System.Globalization;
using System.Text;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// An HTML fragment for the web chat: semantic elements with classes, every text HTML-encoded, bounce text in
/// <c>&lt;pre&gt;</c>, links only to http(s) URLs and opened without referrer, a chart as an image from the server's
/// own chart endpoint (or an inline PNG, <c>data:</c> URL) with its figures as alt text and caption. No scripts, styles
/// or event attributes.
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
        foreach (var block in answer.Blocks) Block(sb, block);
        sb.Append("</article>");
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, AnswerBlock block)
    {
        if (block.Title is { } title && block is not ActionsBlock) sb.Append(CultureInfo.InvariantCulture, $"<h3 class=\"block-title\">{H(title)}</h3>");
        switch (block)
        {
            case FiguresBlock f:
                Figures(sb, f.Figures, "figures");
                break;
            case FindingsBlock f:
                sb.Append("<ol class=\"items\">");
                foreach (var item in f.Items) Item(sb, item);
                sb.Append("</ol>");
                break;
            case TableBlock t:
                sb.Append("<table class=\"table\"><thead><tr>");
                foreach (var c in t.Columns) sb.Append(CultureInfo.InvariantCulture, $"<th>{H(c)}</th>");
                sb.Append("</tr></thead><tbody>");
                foreach (var row in t.Rows) sb.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{H(c)}</td>"))).Append("</tr>");
                sb.Append("</tbody></table>");
                break;
            case ListBlock l:
                var tag = l.Ordered ? "ol" : "ul";
                sb.Append(CultureInfo.InvariantCulture, $"<{tag} class=\"list\">");
                foreach (var line in l.Lines) sb.Append(CultureInfo.InvariantCulture, $"<li>{H(line)}</li>");
                sb.Append(CultureInfo.InvariantCulture, $"</{tag}>");
                break;
            case EvidenceBlock e:
                foreach (var line in e.Lines) sb.Append(CultureInfo.InvariantCulture, $"<pre class=\"evidence\"><code>{SafeText.Html(line, keepNewlines: true)}</code></pre>");
                break;
            case ActionsBlock a:
                sb.Append(CultureInfo.InvariantCulture, $"<section class=\"actions\"><h3>{H(a.Title ?? "What to do")}</h3><ol>");
                foreach (var action in a.Actions) sb.Append(CultureInfo.InvariantCulture, $"<li>{H(action)}</li>");
                sb.Append("</ol></section>");
                break;
            case DraftBlock d:
                sb.Append(CultureInfo.InvariantCulture, $"<section class=\"draft\"><p class=\"draft-to\">To: {H(d.To)}</p><p class=\"draft-subject\">Subject: {H(d.Subject)}</p>");
                sb.Append(CultureInfo.InvariantCulture, $"<pre class=\"draft-body\">{SafeText.Html(d.Body, keepNewlines: true)}</pre></section>");
                break;
            case ChartBlock c:
                // The server's own image endpoint when it set one (same origin, same sign-in as the chat), else an inline
                // PNG when one was drawn, else the sentence alone. The caption states the figures either way.
                sb.Append("<figure class=\"chart\">");
                var src = c.ImageUrl is { } url && IsOwnPath(url) ? url
                    : c.Png is { Length: > 0 } png ? "data:image/png;base64," + Convert.ToBase64String(png) : null;
                if (src is not null)
                    sb.Append(CultureInfo.InvariantCulture, $"<img src=\"{H(src)}\" alt=\"{H(c.AltText)}\" width=\"{ChartImageSize.Standard.Width}\" height=\"{ChartImageSize.Standard.Height}\">");
                sb.Append(CultureInfo.InvariantCulture, $"<figcaption>{H(c.AltText)}</figcaption></figure>");
                break;
            case FileBlock f:
                // The web chat takes the file as a data: URL download; no server round trip, nothing stored.
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"file\"><a download=\"{H(f.FileName)}\" href=\"data:{H(f.MediaType)};charset=utf-8;base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(f.Content))}\">Download {H(f.FileName)}</a> ({f.LineCount - 1} rows)</p>");
                sb.Append(CultureInfo.InvariantCulture, $"<pre class=\"file-preview\"><code>{SafeText.Html(string.Join("\n", f.Preview(6)), keepNewlines: true)}</code></pre>");
                break;
            case LinksBlock l:
                var links = l.Links.Where(x => SafeText.IsWebUrl(x.Url)).ToList();
                if (links.Count == 0) break;
                sb.Append("<ul class=\"links\">");
                foreach (var link in links)
                    sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{H(link.Url)}\" rel=\"noopener noreferrer\" target=\"_blank\">{H(link.Title)}</a></li>");
                sb.Append("</ul>");
                break;
            default:
                throw new NotSupportedException($"No HTML rendering for block {block.GetType().Name}.");
        }
    }

    // Only a path on this server (never another origin or a javascript: URL): "/api/chat/chart.png?..." but not "//host".
    private static bool IsOwnPath(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\');

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
