using System.Globalization;
using System.Text;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>Plain text for terminals (<c>dbot ask</c>, <c>dbot chat</c>): the headline, then each block in order.</summary>
public sealed class PlainTextRenderer : IAnswerRenderer
{
    /// <inheritdoc />
    public string Format => "text";

    /// <inheritdoc />
    public string Render(Answer answer)
    {
        var sb = new StringBuilder();
        sb.AppendLine(T(answer.Headline));
        var n = 0;
        foreach (var block in answer.Blocks)
        {
            if (block is not FiguresBlock { Title: null }) sb.AppendLine();
            if (block.Title is { } title && block is not ActionsBlock) sb.AppendLine(T(title) + ":");
            switch (block)
            {
                case FiguresBlock f:
                    sb.AppendLine("  " + string.Join(" · ", f.Figures.Select(x => $"{T(x.Label)}: {T(x.Value)}")));
                    break;
                case FindingsBlock f:
                    for (var i = 0; i < f.Items.Count; i++)
                    {
                        if (i > 0) sb.AppendLine();
                        Item(sb, f.Items[i], ++n);
                    }
                    break;
                case TableBlock t:
                    Table(sb, t);
                    break;
                case ListBlock l:
                    for (var i = 0; i < l.Lines.Count; i++) sb.AppendLine(l.Ordered ? $"  {i + 1}. {T(l.Lines[i])}" : $"  - {T(l.Lines[i])}");
                    break;
                case EvidenceBlock e:
                    foreach (var line in e.Lines.SelectMany(x => SafeText.Clean(x, keepNewlines: true).Split('\n'))) sb.AppendLine("   > " + line);
                    break;
                case ActionsBlock a:
                    sb.AppendLine(T(a.Title ?? "What to do") + ":");
                    for (var i = 0; i < a.Actions.Count; i++) sb.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {T(a.Actions[i])}");
                    break;
                case DraftBlock d:
                    sb.AppendLine($"  To: {T(d.To)}");
                    sb.AppendLine($"  Subject: {T(d.Subject)}");
                    sb.AppendLine();
                    foreach (var line in SafeText.Clean(d.Body, keepNewlines: true).Split('\n')) sb.AppendLine("  | " + line);
                    break;
                case ChartBlock c:
                    Chart(sb, c);
                    break;
                case FileBlock f:
                    sb.AppendLine($"  {T(f.FileName)} ({f.LineCount - 1} rows; the whole file: {T(f.Command)}):");
                    foreach (var line in f.Preview(6)) sb.AppendLine("   | " + T(line));
                    break;
                case LinksBlock l:
                    foreach (var link in l.Links.Where(x => SafeText.IsWebUrl(x.Url))) sb.AppendLine($"  {T(link.Title)}: {T(link.Url)}");
                    break;
                default:
                    throw new NotSupportedException($"No text rendering for block {block.GetType().Name}.");
            }
        }
        if (answer.FollowUps.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Try: " + string.Join(" · ", answer.FollowUps.Select(f => "\"" + T(f) + "\"")));
        }
        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>Most points per series listed in text; longer series are summed up by the alt text (and drawn by <c>--chart FILE</c>).</summary>
    public const int MaxChartPointsInText = 36;

    private static void Chart(StringBuilder sb, ChartBlock c)
    {
        sb.AppendLine("  " + T(c.AltText));
        var daily = c.BucketWidth >= TimeSpan.FromDays(1);
        foreach (var s in c.Series.Where(s => s.Style != ChartStyle.Bars))
        {
            if (s.Points.Count > MaxChartPointsInText) continue;
            var values = s.Points.Select(p => $"{p.At.UtcDateTime.ToString(daily ? "MM-dd" : "MM-dd HH:mm", CultureInfo.InvariantCulture)} "
                + (p.Value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + (s.IsPercent ? "%" : string.Empty) : "-"));
            sb.AppendLine($"  {T(s.Name)} ({T(s.Panel)}): " + string.Join(", ", values));
        }
    }

    private static void Item(StringBuilder sb, AnswerItem item, int n)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{n}. {T(item.Title)}");
        var meta = Meta(item);
        sb.AppendLine(meta.Length > 0 ? $"  [{meta}]" : string.Empty);
        if (item.Explanation.Length > 0) sb.AppendLine("   " + T(item.Explanation));
        foreach (var f in item.Figures) sb.AppendLine($"   - {T(f.Label)}: {T(f.Value)}");
        foreach (var e in item.Evidence)
            foreach (var line in SafeText.Clean(e, keepNewlines: true).Split('\n'))
                sb.AppendLine("   > " + line);
        if (item.RuleIds.Count > 0) sb.AppendLine("   rules: " + T(string.Join(", ", item.RuleIds)));
    }

    private static void Table(StringBuilder sb, TableBlock t)
    {
        var rows = t.Rows.Select(r => r.Select(T).ToList()).Prepend(t.Columns.Select(T).ToList()).ToList();
        var widths = Enumerable.Range(0, t.Columns.Count).Select(c => rows.Max(r => c < r.Count ? r[c].Length : 0)).ToList();
        foreach (var row in rows)
            sb.AppendLine("  " + string.Join("  ", row.Select((cell, c) => c < widths.Count - 1 ? cell.PadRight(widths[c]) : cell)).TrimEnd());
    }

    private static string Meta(AnswerItem item) => string.Join(", ", new[]
    {
        item.Category is null or "none" ? null : T(item.Category),
        item.Confidence is { } c ? "confidence " + c.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal) : null,
    }.Where(s => s is not null));

    private static string T(string? s) => SafeText.Clean(s);
}
