using System.Text.Json.Nodes;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Conversation.Tests.Rendering;

public sealed class TeamsRenderersTests
{
    private const string Hostile = "554 5.7.1 <at>Everyone</at> **urgent** [click](https://evil.test) <script>x</script> & more";

    [Fact]
    public void MessageRenderer_Diagnosis_CardWithHeadlineText()
    {
        var message = TeamsMessageRenderer.Render(SlackBlockKitRendererTests.Diagnosis(items: 1, evidence: ["421 4.7.0"], intent: "why"));

        Assert.NotNull(message.Card);
        Assert.Equal("AdaptiveCard", message.Card!["type"]!.GetValue<string>());
        Assert.Equal("1.5", message.Card["version"]!.GetValue<string>());
        Assert.Equal("iCloud deferred 412 of 1,093 messages", message.Text);
    }

    [Fact]
    public void MessageRenderer_Help_MarkdownOnly()
    {
        var message = TeamsMessageRenderer.Render(new Answer { Intent = "help", Headline = "Ask me why", FollowUps = ["why is icloud deferring us?"] });

        Assert.Null(message.Card);
        Assert.StartsWith("**Ask me why**", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownRenderer_HostileText_NoMentionTagOrLinkOrEmphasis()
    {
        var answer = SlackBlockKitRendererTests.Diagnosis(items: 1, evidence: [Hostile], intent: "evidence", headline: Hostile);

        var text = TeamsMarkdownRenderer.Render(answer);
        var outsideCode = System.Text.RegularExpressions.Regex.Replace(text, "`[^`]*`", "CODE");

        Assert.DoesNotContain("<at>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("CODE", outsideCode, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", outsideCode, StringComparison.Ordinal);
        Assert.Contains("&lt;at&gt;Everyone&lt;/at&gt;", text, StringComparison.Ordinal);
        Assert.Contains("\\*\\*urgent\\*\\*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CardRenderer_DynamicText_OnlyInPlainTextRuns()
    {
        var card = TeamsAdaptiveCardRenderer.Render(SlackBlockKitRendererTests.Diagnosis(items: 2, evidence: [Hostile], intent: "why", headline: Hostile));

        var textBlocks = Descendants(card).Where(node => node["type"]?.GetValue<string>() == "TextBlock");
        var runs = Descendants(card).Where(node => node["type"]?.GetValue<string>() == "TextRun").Select(node => node["text"]!.GetValue<string>()).ToList();

        Assert.Empty(textBlocks);
        Assert.Contains(Hostile, runs);
    }

    [Fact]
    public void CardRenderer_Evidence_HiddenAndToggledByShowEvidence()
    {
        var card = TeamsAdaptiveCardRenderer.Render(SlackBlockKitRendererTests.Diagnosis(items: 1, evidence: ["421 4.7.0"], intent: "why"));

        var hidden = Descendants(card).Single(node => node["isVisible"] is not null);
        var toggle = card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.ToggleVisibility")!;

        Assert.False(hidden["isVisible"]!.GetValue<bool>());
        Assert.Equal(hidden["id"]!.GetValue<string>(), toggle["targetElements"]![0]!.GetValue<string>());
        Assert.StartsWith("Show evidence", toggle["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void CardRenderer_HugeAnswer_ShrunkUnderTheSizeBudget()
    {
        var answer = SlackBlockKitRendererTests.Diagnosis(items: 40, evidence: [.. Enumerable.Repeat(new string('e', 2000), 10)], intent: "why", explanation: new string('x', 4000));

        var card = TeamsAdaptiveCardRenderer.Render(answer);

        Assert.InRange(card.ToJsonString().Length, 1, TeamsAdaptiveCardRenderer.MaxCardChars);
        Assert.Contains(Descendants(card), node => node["text"]?.GetValue<string>().Contains("more not shown", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void MarkdownRenderer_HugeAnswer_WithinMaxChars()
    {
        var answer = SlackBlockKitRendererTests.Diagnosis(items: 60, evidence: [new string('<', 3000)], intent: "why", explanation: new string('&', 3000));

        Assert.InRange(TeamsMarkdownRenderer.Render(answer).Length, 1, TeamsMarkdownRenderer.MaxChars);
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => new[] { obj }.Concat(obj.SelectMany(pair => Descendants(pair.Value))),
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}
