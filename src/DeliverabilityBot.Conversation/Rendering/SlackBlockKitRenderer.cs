using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Renders an <see cref="Answer"/> as Slack Block Kit plus an mrkdwn fallback, inside Slack's limits
/// (50 blocks, 3,000 characters per section, 10 fields). Every engine or user string is escaped.
/// Evidence is shown inline for an <c>evidence</c> answer, otherwise behind a "Show evidence" button.
/// </summary>
public static class SlackBlockKitRenderer
{
    /// <summary>The action id of the "Show evidence" button.</summary>
    public const string ShowEvidenceActionId = "show_evidence";

    private const int MaxEvidencePerItem = 5;
    private const int EvidenceChars = 600;

    /// <summary>Renders the answer.</summary>
    public static SlackMessage Render(Answer answer)
    {
        var blocks = new List<JsonObject> { Section("*" + SlackMrkdwn.Fit(answer.Headline, SlackLimits.SectionText - 2) + "*") };
        var showEvidence = string.Equals(answer.Intent, "evidence", StringComparison.OrdinalIgnoreCase);
        foreach (var block in answer.Blocks)
        {
            if (block.Title is { } title && block is not ActionsBlock)
            {
                blocks.Add(Section("*" + SlackMrkdwn.Fit(title, 200) + "*"));
            }

            switch (block)
            {
                case FiguresBlock f:
                    AddFields(blocks, f.Figures);
                    break;
                case FindingsBlock f:
                    foreach (var item in f.Items)
                    {
                        blocks.Add(new JsonObject { ["type"] = "divider" });
                        blocks.Add(Section(ItemText(item)));
                        AddFields(blocks, item.Figures);
                        if (showEvidence && item.Evidence.Count > 0)
                        {
                            blocks.Add(Section(EvidenceText(item.Evidence)));
                        }

                        if (item.RuleIds.Count > 0 || item.References.Count > 0)
                        {
                            blocks.Add(Context(RulesAndReferences(item)));
                        }
                    }

                    break;
                case TableBlock t:
                    blocks.Add(Section(TableText(t)));
                    break;
                case ListBlock l:
                    blocks.Add(Section(TextBudget.FitMarkup(string.Join("\n", l.Lines.Select((line, i) => (l.Ordered ? $"{i + 1}. " : "• ") + SlackMrkdwn.Fit(line, 500))), SlackLimits.SectionText)));
                    break;
                case EvidenceBlock e:
                    blocks.Add(Section(EvidenceText(e.Lines)));
                    break;
                case ActionsBlock a:
                    blocks.Add(Section(NumberedList("*" + SlackMrkdwn.Escape(a.Title ?? "What to do") + "*", a.Actions)));
                    break;
                case DraftBlock d:
                    blocks.Add(Section(TextBudget.FitMarkup("To: " + SlackMrkdwn.Fit(d.To, 300) + "\nSubject: " + SlackMrkdwn.Fit(d.Subject, 300), SlackLimits.SectionText)));
                    blocks.Add(Section("```" + SlackMrkdwn.Code(d.Body, SlackLimits.SectionText - 6) + "```"));
                    break;
                case ChartBlock c:
                    // The image goes up as a file into the same thread (files.getUploadURLExternal, then
                    // files.completeUploadExternal) after this message; the text states its figures.
                    blocks.Add(Context(SlackMrkdwn.Fit(c.AltText, 1500)));
                    break;
                case FileBlock f:
                    blocks.Add(Section("```" + SlackMrkdwn.Code(string.Join("\n", f.Preview(8)), SlackLimits.SectionText - 6) + "```"));
                    blocks.Add(Context(SlackMrkdwn.Fit($"{f.FileName}: {f.LineCount - 1} rows; the whole file: {f.Command}", 500)));
                    break;
                case LinksBlock l:
                    blocks.Add(Context(string.Join("  ·  ", l.Links.Take(SlackLimits.ContextElements).Select(link => SlackMrkdwn.Link(link.Url, link.Title)))));
                    break;
                default:
                    throw new NotSupportedException($"No Block Kit rendering for block {block.GetType().Name}.");
            }
        }

        if (answer.FollowUps.Count > 0)
        {
            blocks.Add(Context("Try: " + string.Join("  ·  ", answer.FollowUps.Select(question => "“" + SlackMrkdwn.Escape(question) + "”"))));
        }

        var tail = !showEvidence && answer.Items.Any(item => item.Evidence.Count > 0) ? EvidenceButton() : null;
        return new SlackMessage(FallbackText(answer), new JsonArray([.. Cap(blocks, tail)]));
    }

    private static string TableText(TableBlock t)
    {
        var rows = t.Rows.Prepend(t.Columns).Select(r => string.Join("  ", r)).ToList();
        return "```" + SlackMrkdwn.Code(string.Join("\n", rows), SlackLimits.SectionText - 6) + "```";
    }

    private static string ItemText(AnswerItem item)
    {
        var text = new StringBuilder("*").Append(SlackMrkdwn.Fit(item.Title, 200)).Append('*');
        var tags = new List<string>();
        if (!string.IsNullOrEmpty(item.Category))
        {
            tags.Add(SlackMrkdwn.Escape(item.Category));
        }

        if (item.Confidence is { } confidence)
        {
            tags.Add(confidence.ToString("P0", CultureInfo.InvariantCulture) + " confidence");
        }

        if (tags.Count > 0)
        {
            text.Append("  _").Append(string.Join(" · ", tags)).Append('_');
        }

        if (!string.IsNullOrWhiteSpace(item.Explanation))
        {
            text.Append('\n').Append(SlackMrkdwn.Fit(item.Explanation, 1500));
        }

        if (item.Actions.Count > 0)
        {
            text.Append('\n').Append(NumberedList("_Actions_", item.Actions));
        }

        return TextBudget.FitMarkup(text.ToString(), SlackLimits.SectionText);
    }

    private static string EvidenceText(IReadOnlyList<string> evidence)
    {
        var examples = evidence.Take(MaxEvidencePerItem).Select(line => SlackMrkdwn.Code(line, EvidenceChars));
        var more = evidence.Count > MaxEvidencePerItem ? $"\n_and {evidence.Count - MaxEvidencePerItem} more_" : string.Empty;
        return "```" + string.Join("\n", examples) + "```" + more;
    }

    private static string RulesAndReferences(AnswerItem item)
    {
        var parts = new List<string>();
        if (item.RuleIds.Count > 0)
        {
            parts.Add("Rules: " + SlackMrkdwn.Fit(string.Join(", ", item.RuleIds), 500));
        }

        parts.AddRange(item.References.Take(3).Select(url => SlackMrkdwn.Link(url, Host(url))));
        return string.Join("  ·  ", parts);
    }

    private static string NumberedList(string heading, IReadOnlyList<string> lines)
    {
        var text = new StringBuilder(heading);
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(SlackMrkdwn.Fit(lines[i], 500));
        }

        return TextBudget.FitMarkup(text.ToString(), SlackLimits.SectionText);
    }

    private static void AddFields(List<JsonObject> blocks, IReadOnlyList<AnswerFigure> figures)
    {
        foreach (var chunk in figures.Chunk(SlackLimits.Fields))
        {
            var fields = new JsonArray([.. chunk.Select(figure => (JsonNode)new JsonObject
            {
                ["type"] = "mrkdwn",
                ["text"] = TextBudget.FitMarkup("*" + SlackMrkdwn.Fit(figure.Label, 200) + "*\n" + SlackMrkdwn.Fit(figure.Value, 1500), SlackLimits.FieldText),
            })]);
            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }
    }

    private static IEnumerable<JsonObject> Cap(List<JsonObject> blocks, JsonObject? tail)
    {
        var room = SlackLimits.Blocks - (tail is null ? 0 : 1);
        if (blocks.Count > room)
        {
            var kept = blocks.Take(room - 1).ToList();
            kept.Add(Context($"{blocks.Count - kept.Count} more parts not shown; ask for one diagnosis at a time."));
            blocks = kept;
        }

        return tail is null ? blocks : blocks.Append(tail);
    }

    private static JsonObject EvidenceButton() => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = ShowEvidenceActionId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Show evidence" },
            ["value"] = "evidence",
        }),
    };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = TextBudget.FitMarkup(mrkdwn, SlackLimits.SectionText) }),
    };

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;

    /// <summary>The notification and fallback text: headline, figures and item titles.</summary>
    public static string FallbackText(Answer answer)
    {
        var text = new StringBuilder(SlackMrkdwn.Escape(answer.Headline));
        foreach (var figure in answer.Figures)
        {
            text.Append('\n').Append(SlackMrkdwn.Escape(figure.Label)).Append(": ").Append(SlackMrkdwn.Escape(figure.Value));
        }

        foreach (var item in answer.Items)
        {
            text.Append("\n• ").Append(SlackMrkdwn.Escape(item.Title));
        }

        return TextBudget.FitMarkup(text.ToString(), SlackLimits.FallbackText);
    }
}
