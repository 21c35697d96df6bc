using System.Text.Json;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Conversation.Tests.Rendering;

/// <summary>Every block kind reaches every channel: a block kind added without a rendering fails here.</summary>
public class EveryBlockRenderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    internal static Answer EveryBlock() => new()
    {
        Intent = "escalate",
        Headline = "Draft for iCloud",
        Blocks =
        [
            new FiguresBlock([new AnswerFigure("attempts", "2,000")]),
            new TableBlock(["sending IP", "deferred"], [["203.0.113.7", "31%"]]) { Title = "By IP" },
            new ListBlock(["first line"]) { Title = "Guidance" },
            new FindingsBlock([new AnswerItem { Title = "finding" }]),
            new EvidenceBlock(["421 4.7.0 Deferred"]),
            new ActionsBlock(["Lower concurrency"]),
            new DraftBlock("icloudadmin@apple.com", "Deferrals from example.com", "Hello,\nwe see deferrals."),
            new ChartBlock("Deferral rate per hour", [new ChartSeries("iCloud deferred %", [new ChartPoint(T0, 31)])]) { Png = [0x89, 0x50, 0x4e, 0x47] },
            new LinksBlock([new AnswerLink("Apple", "https://support.apple.com/en-us/102322")]),
        ],
    };

    [Fact]
    public void Render_EveryBlockKind_ShowsInEveryRenderer()
    {
        var answer = EveryBlock();
        var outputs = new Dictionary<string, string>
        {
            ["text"] = new PlainTextRenderer().Render(answer),
            ["html"] = new HtmlRenderer().Render(answer),
            ["teams markdown"] = TeamsMarkdownRenderer.Render(answer),
            ["teams card"] = TeamsAdaptiveCardRenderer.Render(answer).ToJsonString(),
            ["slack"] = SlackBlockKitRenderer.Render(answer).Blocks.ToJsonString(),
        };
        foreach (var (channel, output) in outputs)
            foreach (var text in new[] { "2,000", "203.0.113.7", "first line", "finding", "421 4.7.0 Deferred", "Lower concurrency", "Deferrals from example.com", "Deferral rate per hour" })
                Assert.True(output.Contains(text, StringComparison.Ordinal), $"{channel} lacks '{text}'");
    }

    [Fact]
    public void Render_Chart_InlineImageInHtmlAndTeamsCard()
    {
        var answer = EveryBlock();
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw==\"", new HtmlRenderer().Render(answer));
        Assert.Contains("\"type\":\"Image\"", TeamsAdaptiveCardRenderer.Render(answer).ToJsonString());
        Assert.NotNull(TeamsMessageRenderer.Render(answer).Card);
    }

    [Fact]
    public void Blocks_EmptyBlock_IsDropped()
    {
        var answer = new Answer { Intent = "why", Headline = "h", Blocks = [new ActionsBlock([]), new ListBlock(["x"])] };
        Assert.IsType<ListBlock>(Assert.Single(answer.Blocks));
    }

    [Fact]
    public void Serialize_Blocks_CarryTheirKind()
    {
        var json = JsonSerializer.Serialize(EveryBlock(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        foreach (var kind in new[] { "figures", "table", "list", "findings", "evidence", "actions", "draft", "chart", "links" })
            Assert.Contains($"\"kind\":\"{kind}\"", json);
        Assert.DoesNotContain("\"items\":[{", json.Split("\"blocks\"")[0]);
    }

    [Fact]
    public void Mask_DraftAndTable_AddressesMasked()
    {
        var masked = AnswerMasker.Mask(new Answer
        {
            Intent = "suppress", Headline = "h",
            Blocks = [new TableBlock(["recipient"], [["jane.doe@icloud.com"]]), new DraftBlock("icloudadmin@apple.com", "s", "to jane.doe@icloud.com")],
        });
        var text = new PlainTextRenderer().Render(masked);
        Assert.DoesNotContain("jane.doe@", text);
        Assert.Contains("j***@icloud.com", text);
    }
}
