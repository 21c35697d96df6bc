using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Conversation.Tests.Rendering;

public class PlainTextRendererTests
{
    private readonly PlainTextRenderer _renderer = new();

    [Fact]
    public void Render_TerminalEscapesInBounceText_AreRemoved()
    {
        var text = _renderer.Render(new Answer
        {
            Intent = "explain", Headline = "h\u001b]0;pwned\u0007",
            Blocks = [new FindingsBlock([new AnswerItem { Title = "t", Evidence = ["421 \u001b[2J4.7.0 Deferred"] }])],
        });
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("   > 421 [2J4.7.0 Deferred", text);
    }

    [Fact]
    public void Render_Answer_ListsHeadlineFiguresItemsActionsAndFollowUps()
    {
        var text = _renderer.Render(new Answer
        {
            Intent = "why", Headline = "iCloud: 620 of 2,000 deferred",
            Blocks = [new FiguresBlock([new AnswerFigure("attempts", "2,000"), new AnswerFigure("deferred", "620")]), new FindingsBlock([new AnswerItem { Title = "Proofpoint", Category = "reputation", Confidence = 0.85, Evidence = ["421 4.7.0 Deferred"], RuleIds = ["DIAG1001"] }]), new ActionsBlock(["Lower concurrency"]), new LinksBlock([new AnswerLink("faq", "https://www.proofpoint.com/faq"), new AnswerLink("bad", "javascript:x")])],
            FollowUps = ["Show me examples"],
        });
        Assert.Equal(
            """
            iCloud: 620 of 2,000 deferred
              attempts: 2,000 · deferred: 620

            1. Proofpoint  [reputation, confidence 85%]
               > 421 4.7.0 Deferred
               rules: DIAG1001

            What to do:
              1. Lower concurrency

              faq: https://www.proofpoint.com/faq

            Try: "Show me examples"

            """.Replace("\r\n", "\n"), text.Replace("\r\n", "\n"));
    }
}
