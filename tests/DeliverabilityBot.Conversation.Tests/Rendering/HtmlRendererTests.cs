using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Conversation.Tests.Rendering;

public class HtmlRendererTests
{
    private readonly HtmlRenderer _renderer = new();

    private static Answer WithEvidence(string evidence) => new()
    {
        Intent = "explain",
        Headline = "Rejected by <b>iCloud</b> & co",
        Blocks = [new FindingsBlock([new AnswerItem { Title = "t\"itle'", Evidence = [evidence], RuleIds = ["ICL1001"] }])],
    };

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("550 5.1.1 <jane@icloud.com>: user unknown", "550 5.1.1 &lt;jane@icloud.com&gt;: user unknown")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a & b \" c ' d", "a &amp; b &quot; c &#39; d")]
    [InlineData("line1\nline2", "line1\nline2")]
    [InlineData("esc\u001b[31mred\u0000", "esc[31mred")]
    [InlineData("\u202Egnp.exe", "gnp.exe")]
    public void Render_BounceText_IsEscapedInsidePre(string evidence, string expected)
    {
        var html = _renderer.Render(WithEvidence(evidence));
        Assert.Contains($"<pre class=\"evidence\"><code>{expected}</code></pre>", html);
    }

    [Fact]
    public void Render_HeadlineAndTitle_AreEscaped()
    {
        var html = _renderer.Render(WithEvidence("x"));
        Assert.Contains("<p class=\"headline\">Rejected by &lt;b&gt;iCloud&lt;/b&gt; &amp; co</p>", html);
        Assert.Contains("<h3>t&quot;itle&#39;</h3>", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("//evil.example/x")]
    [InlineData("ftp://example.com/file")]
    public void Render_NonWebLink_IsDropped(string url)
    {
        var html = _renderer.Render(new Answer { Intent = "why", Headline = "h", Blocks = [new LinksBlock([new AnswerLink("click", url)])]});
        Assert.DoesNotContain("click", html);
        Assert.DoesNotContain("href", html);
    }

    [Fact]
    public void Render_WebLink_IsEncodedAndOpensWithoutReferrer()
    {
        var html = _renderer.Render(new Answer { Intent = "why", Headline = "h", Blocks = [new LinksBlock([new AnswerLink("ip \"check\"", "https://ipcheck.proofpoint.com/?ip=1.2.3.4&x=\"y\"")])]});
        Assert.Contains("<a href=\"https://ipcheck.proofpoint.com/?ip=1.2.3.4&amp;x=&quot;y&quot;\" rel=\"noopener noreferrer\" target=\"_blank\">ip &quot;check&quot;</a>", html);
    }

    [Fact]
    public void Render_IntentAttribute_IsEscaped()
    {
        var html = _renderer.Render(new Answer { Intent = "x\" onmouseover=\"alert(1)", Headline = "h" });
        Assert.StartsWith("<article class=\"answer\" data-intent=\"x&quot; onmouseover=&quot;alert(1)\">", html);
    }

    [Fact]
    public void Render_FullAnswer_HasEverySection()
    {
        var html = _renderer.Render(new Answer
        {
            Intent = "why", Headline = "h",
            Blocks = [new FiguresBlock([new AnswerFigure("attempts", "2,000")]), new FindingsBlock([new AnswerItem { Title = "d", Category = "reputation", Confidence = 0.85, Explanation = "e", Actions = ["a1"] }]), new ActionsBlock(["a1"])],
        });
        Assert.Contains("<dl class=\"figures\"><div><dt>attempts</dt><dd>2,000</dd></div></dl>", html);
        Assert.Contains("<p class=\"meta\">reputation · confidence 85%</p>", html);
        Assert.Contains("<section class=\"actions\"><h3>What to do</h3><ol><li>a1</li></ol></section>", html);
    }
}
