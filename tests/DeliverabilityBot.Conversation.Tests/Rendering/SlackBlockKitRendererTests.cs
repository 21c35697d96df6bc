using System.Text.Json.Nodes;
using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Conversation.Tests.Rendering;

public sealed class SlackBlockKitRendererTests
{
    private const string Hostile = "550 5.7.1 <!channel> <!here> <@U0ATTACK> <https://evil.test|apple.com> & done";

    [Fact]
    public void Render_HostileBounceText_NoMentionsOrLinksSurvive()
    {
        var answer = Diagnosis(items: 1, evidence: [Hostile], intent: "evidence", headline: Hostile);

        var message = SlackBlockKitRenderer.Render(answer);
        var text = AllText(message);

        foreach (var forbidden in new[] { "<!channel>", "<!here>", "<@U0ATTACK>", "<https://evil.test|" })
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
        Assert.Contains("&amp; done", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EvidenceWithBackticks_CannotCloseTheCodeBlock()
    {
        var message = SlackBlockKitRenderer.Render(Diagnosis(items: 1, evidence: ["```*bold* <!channel>```"], intent: "evidence"));

        var evidence = Sections(message).Single(s => s.StartsWith("```", StringComparison.Ordinal));

        Assert.Equal(2, CountOf(evidence, "```"));
    }

    [Fact]
    public void Render_HugeAnswer_WithinBlockAndSectionLimits()
    {
        var answer = Diagnosis(items: 80, evidence: [new string('x', 5000), new string('&', 5000)], intent: "evidence", explanation: new string('<', 9000));

        var message = SlackBlockKitRenderer.Render(answer);

        Assert.InRange(message.Blocks.Count, 1, SlackLimits.Blocks);
        Assert.All(Sections(message), text => Assert.InRange(text.Length, 1, SlackLimits.SectionText));
        Assert.All(Fields(message), text => Assert.InRange(text.Length, 1, SlackLimits.FieldText));
        Assert.InRange(message.Text.Length, 1, SlackLimits.FallbackText);
        Assert.Contains("more parts not shown", AllText(message), StringComparison.Ordinal);
        Assert.DoesNotContain("&amp…", AllText(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DiagnosisWithEvidence_ShowEvidenceButtonInsteadOfEvidence()
    {
        var message = SlackBlockKitRenderer.Render(Diagnosis(items: 2, evidence: ["421 4.7.0 try later"], intent: "why"));

        var last = message.Blocks[^1]!;
        Assert.Equal("actions", last["type"]!.GetValue<string>());
        Assert.Equal(SlackBlockKitRenderer.ShowEvidenceActionId, last["elements"]![0]!["action_id"]!.GetValue<string>());
        Assert.DoesNotContain("421 4.7.0 try later", AllText(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HelpAnswer_NoButtonAndFollowUpsShown()
    {
        var answer = new Answer { Intent = "help", Headline = "Ask me why", FollowUps = ["why is icloud deferring us?"] };

        var message = SlackBlockKitRenderer.Render(answer);

        Assert.DoesNotContain(message.Blocks, block => block!["type"]!.GetValue<string>() == "actions");
        Assert.Contains("why is icloud deferring us?", AllText(message), StringComparison.Ordinal);
        Assert.Equal("Ask me why", message.Text);
    }

    [Fact]
    public void Render_Links_OnlyWebUrlsBecomeLinksAndTitlesAreEscaped()
    {
        var answer = new Answer
        {
            Intent = "rule",
            Headline = "Rule ICL1001",
            Blocks = [new LinksBlock([new AnswerLink("Apple <postmaster>", "https://support.apple.com/en-us/102322"), new AnswerLink("bad", "javascript:alert(1)")])],
        };

        var text = AllText(SlackBlockKitRenderer.Render(answer));

        Assert.Contains("<https://support.apple.com/en-us/102322|Apple &lt;postmaster&gt;>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", text, StringComparison.Ordinal);
    }

    internal static Answer Diagnosis(int items, IReadOnlyList<string> evidence, string intent, string explanation = "Apple's edge refuses the IP.", string headline = "iCloud deferred 412 of 1,093 messages") => new()
    {
        Intent = intent,
        Headline = headline,
        Blocks =
        [
        new FiguresBlock([new AnswerFigure("Deferred", "412"), new AnswerFigure("Rate", "37.7%")]),
        new FindingsBlock([.. Enumerable.Range(1, items).Select(i => new AnswerItem
        {
            Title = $"Diagnosis {i}",
            Category = "reputation",
            Confidence = 0.8,
            Explanation = explanation,
            Evidence = evidence,
            Figures = [new AnswerFigure("Hits", i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Actions = ["Slow down"],
            RuleIds = ["ICL1001"],
            References = ["https://support.apple.com/en-us/102322"],
        })]),
        new ActionsBlock(["Slow down sending to iCloud"]),
        ],
    };

    private static IEnumerable<string> Sections(SlackMessage message) =>
        message.Blocks.Where(b => b!["text"] is not null).Select(b => b!["text"]!["text"]!.GetValue<string>());

    private static IEnumerable<string> Fields(SlackMessage message) =>
        message.Blocks.Where(b => b!["fields"] is not null).SelectMany(b => b!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()));

    private static string AllText(SlackMessage message) => message.Text + "\n" + string.Join("\n", Strings(message.Blocks));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value)),
        JsonArray array => array.SelectMany(Strings),
        _ => [],
    };

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
