using System.Globalization;
using System.Text.Json.Nodes;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Renders an <see cref="Answer"/> as an Adaptive Card 1.5 (the version Teams supports). Engine and
/// bounce text go into <c>TextRun</c>s, which are plain text, so nothing in them is interpreted as
/// Markdown or markup. Evidence sits in a hidden container a "Show evidence" button toggles. The card
/// is shrunk (fewer examples, then fewer items) until it fits <see cref="MaxCardChars"/>.
/// </summary>
public static class TeamsAdaptiveCardRenderer
{
    /// <summary>Most characters of card JSON (about 24 KB as UTF-16, well under Teams' message limit).</summary>
    public const int MaxCardChars = 12_000;

    /// <summary>
    /// The largest chart PNG put inline (a data: URL, a third larger in base64); bigger charts are described in words. With
    /// the card's own <see cref="MaxCardChars"/> this stays within 100 KB as UTF-16 even where Teams counts the image.
    /// </summary>
    public const int MaxChartBytes = 26_000;

    private static readonly (int Items, int Evidence)[] Shrink = [(8, 5), (8, 2), (5, 1), (3, 0), (1, 0)];

    /// <summary>The card for the answer, within <see cref="MaxCardChars"/>.</summary>
    public static JsonObject Render(Answer answer)
    {
        JsonObject card = Build(answer, Shrink[0].Items, Shrink[0].Evidence);
        // Inline chart images have a budget of their own (MaxChartBytes): the card's text is shrunk only for its text.
        var images = answer.BlocksOf<ChartBlock>().Sum(c => ImageUrl(c)?.Length ?? 0);
        foreach (var (items, evidence) in Shrink.Skip(1))
        {
            if (card.ToJsonString().Length - images <= MaxCardChars)
            {
                break;
            }

            card = Build(answer, items, evidence);
        }

        return card;
    }

    private static JsonObject Build(Answer answer, int maxItems, int maxEvidence)
    {
        var body = new JsonArray { Text(answer.Headline, 500, size: "Medium", bold: true) };
        var actions = new JsonArray();
        var index = 0;
        foreach (var block in answer.Blocks)
        {
            if (block.Title is { } title && block is not ActionsBlock)
            {
                body.Add(Text(title, 100, bold: true));
            }

            switch (block)
            {
                case FiguresBlock f:
                    body.Add(Facts(f.Figures));
                    break;
                case FindingsBlock f:
                    foreach (var item in f.Items.Take(maxItems))
                    {
                        index++;
                        body.Add(Item(item, $"evidence-{index}", maxEvidence, actions));
                    }

                    if (f.Items.Count > maxItems)
                    {
                        body.Add(Text($"{f.Items.Count - maxItems} more not shown; ask about one at a time.", 200, subtle: true));
                    }

                    break;
                case TableBlock t:
                    body.Add(Table(t));
                    break;
                case ListBlock l:
                    body.Add(Lines(l.Lines.Take(15).Select((line, i) => l.Ordered ? $"{i + 1}. {line}" : "• " + line), 500));
                    break;
                case EvidenceBlock e:
                    body.Add(Lines(e.Lines.Take(Math.Max(1, maxEvidence)), 600, monospace: true));
                    break;
                case ActionsBlock a:
                    body.Add(Text(a.Title ?? "What to do", 50, bold: true));
                    body.Add(Lines(a.Actions.Take(10).Select((action, i) => $"{i + 1}. {action}"), 500));
                    break;
                case DraftBlock d:
                    body.Add(Text("To: " + d.To, 300));
                    body.Add(Text("Subject: " + d.Subject, 300));
                    body.Add(Text(d.Body, 6000, monospace: true));
                    break;
                case ChartBlock c:
                    // Teams shows a data: URL image inline; without a drawn PNG the sentence stands alone.
                    if (ImageUrl(c) is { } image)
                    {
                        body.Add(new JsonObject { ["type"] = "Image", ["url"] = image, ["altText"] = TextBudget.Fit(c.AltText, 1000), ["size"] = "Stretch" });
                    }

                    body.Add(Text(c.AltText, 1000, subtle: true));
                    break;
                case FileBlock f:
                    body.Add(Text(string.Join("\n", f.Preview(8)), 2000, monospace: true));
                    body.Add(Text($"{f.FileName}: {f.LineCount - 1} rows; the whole file: {f.Command}", 300, subtle: true));
                    break;
                case LinksBlock l:
                    foreach (var link in l.Links.Where(link => TeamsMarkdownRenderer.IsWebUrl(link.Url)).Take(3))
                    {
                        actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = TextBudget.Fit(link.Title, 40), ["url"] = link.Url });
                    }

                    break;
                default:
                    throw new NotSupportedException($"No Adaptive Card rendering for block {block.GetType().Name}.");
            }
        }

        if (answer.FollowUps.Count > 0)
        {
            body.Add(Text("Try: " + string.Join(" · ", answer.FollowUps), 400, subtle: true));
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = actions,
        };
    }

    // The chart's data: URL when a PNG was drawn and fits MaxChartBytes.
    private static string? ImageUrl(ChartBlock c) =>
        c.Png is { Length: > 0 and <= MaxChartBytes } png ? "data:image/png;base64," + Convert.ToBase64String(png) : null;

    private static JsonObject Lines(IEnumerable<string> lines, int max, bool monospace = false) => new()
    {
        ["type"] = "Container",
        ["items"] = new JsonArray([.. lines.Select(line => (JsonNode)Text(line, max, monospace: monospace))]),
    };

    private static JsonObject Table(TableBlock t) => new()
    {
        ["type"] = "Table",
        ["firstRowAsHeaders"] = true,
        ["columns"] = new JsonArray([.. t.Columns.Select(_ => (JsonNode)new JsonObject { ["width"] = 1 })]),
        ["rows"] = new JsonArray([.. t.Rows.Take(20).Prepend(t.Columns).Select(row => (JsonNode)new JsonObject
        {
            ["type"] = "TableRow",
            ["cells"] = new JsonArray([.. row.Select(cell => (JsonNode)new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(Text(cell, 200)) })]),
        })]),
    };

    private static JsonObject Item(AnswerItem item, string evidenceId, int maxEvidence, JsonArray actions)
    {
        var tags = new List<string>();
        if (!string.IsNullOrEmpty(item.Category))
        {
            tags.Add(item.Category);
        }

        if (item.Confidence is { } confidence)
        {
            tags.Add(confidence.ToString("P0", CultureInfo.InvariantCulture) + " confidence");
        }

        var items = new JsonArray { Text(item.Title, 200, bold: true) };
        if (tags.Count > 0)
        {
            items.Add(Text(string.Join(" · ", tags), 200, subtle: true));
        }

        if (!string.IsNullOrWhiteSpace(item.Explanation))
        {
            items.Add(Text(item.Explanation, 1500));
        }

        if (item.Figures.Count > 0)
        {
            items.Add(Facts(item.Figures));
        }

        foreach (var action in item.Actions.Take(5))
        {
            items.Add(Text("• " + action, 400));
        }

        if (item.RuleIds.Count > 0)
        {
            items.Add(Text("Rules: " + string.Join(", ", item.RuleIds), 300, subtle: true));
        }

        if (maxEvidence > 0 && item.Evidence.Count > 0)
        {
            items.Add(new JsonObject
            {
                ["type"] = "Container",
                ["id"] = evidenceId,
                ["isVisible"] = false,
                ["items"] = new JsonArray([.. item.Evidence.Take(maxEvidence).Select(line => (JsonNode)Text(line, 600, monospace: true))]),
            });
            actions.Add(new JsonObject
            {
                ["type"] = "Action.ToggleVisibility",
                ["title"] = TextBudget.Fit("Show evidence: " + item.Title, 40),
                ["targetElements"] = new JsonArray(evidenceId),
            });
        }

        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items };
    }

    private static JsonObject Facts(IReadOnlyList<AnswerFigure> figures) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. figures.Take(12).Select(figure => (JsonNode)new JsonObject
        {
            ["title"] = TeamsText.EscapeCardMarkdown(figure.Label, 60),
            ["value"] = TeamsText.EscapeCardMarkdown(figure.Value, 200),
        })]),
    };

    /// <summary>A RichTextBlock with one plain TextRun (TextRuns are never parsed as Markdown).</summary>
    private static JsonObject Text(string text, int max, string? size = null, bool bold = false, bool subtle = false, bool monospace = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = TextBudget.Fit(text, max) };
        if (size is not null)
        {
            run["size"] = size;
        }

        if (bold)
        {
            run["weight"] = "Bolder";
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        if (monospace)
        {
            run["fontType"] = "Monospace";
        }

        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(run) };
    }
}
