using System.Text.Json;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Conversation.Tests.Rendering;

/// <summary>The chart block in each channel: image where one can be shown, the figures as alt text everywhere.</summary>
public class ChartRenderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    private static ChartBlock Chart() => new("Deferred 31% of 2,000 attempts (worst hour 2026-11-28 04:00 UTC: 62 of 100 (62%)).",
    [
        new ChartSeries("attempts deferred", [new ChartPoint(T0, 12.5), new ChartPoint(T0.AddHours(1), null), new ChartPoint(T0.AddHours(2), 62)]) { Panel = "Deferred (4xx), %" },
        new ChartSeries("attempts", [new ChartPoint(T0, 80), new ChartPoint(T0.AddHours(1), 0), new ChartPoint(T0.AddHours(2), 100)]) { Panel = "Attempts per hour", Style = ChartStyle.Bars, IsPercent = false },
    ])
    { Title = "iCloud: deferral and bounce rates per hour" };

    private static Answer With(ChartBlock chart) => new() { Intent = "timeline", Headline = "It started at 04:00 UTC.", Blocks = [chart] };

    [Fact]
    public void Html_ImageUrlOnThisServer_ImgFromEndpointWithAltText()
    {
        var html = new HtmlRenderer().Render(With(Chart() with { ImageUrl = "/api/chat/chart.png?receiver=icloud&from=1&to=2", Png = [1, 2, 3] }));
        Assert.Contains("<img src=\"/api/chat/chart.png?receiver=icloud&amp;from=1&amp;to=2\" alt=\"Deferred 31% of 2,000 attempts", html);
        Assert.DoesNotContain("data:image/png", html);
        Assert.Contains("<figcaption>Deferred 31%", html);
    }

    [Theory]
    [InlineData("//evil.example/x.png")]
    [InlineData("https://evil.example/x.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    public void Html_ImageUrlElsewhere_NotUsed(string url)
    {
        var html = new HtmlRenderer().Render(With(Chart() with { ImageUrl = url }));
        Assert.DoesNotContain("<img", html);
        Assert.Contains("<figcaption>", html);
    }

    [Fact]
    public void PlainText_ShortSeries_ListsValuesWithGapsAndNoBars()
    {
        var text = new PlainTextRenderer().Render(With(Chart()));
        Assert.Contains("attempts deferred (Deferred (4xx), %): 11-28 03:00 12.5%, 11-28 04:00 -, 11-28 05:00 62%", text);
        Assert.DoesNotContain("attempts (Attempts per hour)", text);
        Assert.Contains("worst hour 2026-11-28 04:00 UTC", text);
    }

    [Fact]
    public void PlainText_LongSeries_AltTextOnly()
    {
        var points = Enumerable.Range(0, PlainTextRenderer.MaxChartPointsInText + 1).Select(h => new ChartPoint(T0.AddHours(h), 1)).ToList();
        var text = new PlainTextRenderer().Render(With(Chart() with { Series = [new ChartSeries("attempts deferred", points) { Panel = "p" }] }));
        Assert.DoesNotContain("attempts deferred (p):", text);
        Assert.Contains("Deferred 31% of 2,000 attempts", text);
    }

    [Fact]
    public void TeamsCard_PngWithinBudget_InlineImageAndTextNotShrunkForIt()
    {
        var png = new byte[TeamsAdaptiveCardRenderer.MaxChartBytes];
        png[0] = 0x89;
        var evidence = Enumerable.Range(0, 5).Select(i => $"421 4.7.0 [TSS04] Messages from 203.0.113.{i} temporarily deferred").ToList();
        var answer = new Answer
        {
            Intent = "timeline", Headline = "h",
            Blocks = [Chart() with { Png = png }, new FindingsBlock([new AnswerItem { Title = "finding", Evidence = evidence }])],
        };

        var card = TeamsAdaptiveCardRenderer.Render(answer).ToJsonString();

        Assert.Contains("\"type\":\"Image\",\"url\":\"data:image/png;base64,", card);
        Assert.Contains("\"altText\":\"Deferred 31% of 2,000 attempts", card);
        Assert.Contains(evidence[4], card); // the image's 35 KB of base64 did not push the evidence out
    }

    [Fact]
    public void TeamsCard_PngOverBudget_NoImageButTheFigures()
    {
        var card = TeamsAdaptiveCardRenderer.Render(With(Chart() with { Png = new byte[TeamsAdaptiveCardRenderer.MaxChartBytes + 1] })).ToJsonString();
        Assert.DoesNotContain("\"type\":\"Image\"", card);
        Assert.Contains("Deferred 31% of 2,000 attempts", card);
    }

    [Fact]
    public void Slack_Chart_AltTextAsContext()
    {
        var blocks = SlackBlockKitRenderer.Render(With(Chart())).Blocks.ToJsonString();
        Assert.Contains("Deferred 31% of 2,000 attempts", blocks);
    }

    [Fact]
    public void Json_Chart_SeriesSourceAndImageUrlWithoutPngBytes()
    {
        var chart = Chart() with { Source = new ChartSource("icloud", T0, T0.AddHours(3), null, true), ImageUrl = "/api/chat/chart.png?x=1", Png = [1, 2, 3] };
        var json = JsonSerializer.Serialize<AnswerBlock>(chart, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Contains("\"kind\":\"chart\"", json);
        Assert.Contains("\"style\":\"Bars\"", json);
        Assert.Contains("\"value\":null", json);
        Assert.Contains("\"bySendingIp\":true", json);
        Assert.Contains("\"imageUrl\":\"/api/chat/chart.png?x=1\"", json);
        Assert.DoesNotContain("\"png\"", json);
    }
}
