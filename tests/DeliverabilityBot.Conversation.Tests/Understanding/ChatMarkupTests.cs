using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Tests.Understanding;

public class ChatMarkupTests
{
    [Theory]
    [InlineData("<at>Deliverability Bot</at> why?", "why?")]
    [InlineData("<@U024BE7LH> why?", "why?")]
    [InlineData("<@U024BE7LH|dbot> why?", "why?")]
    [InlineData("<!here> why?", "why?")]
    [InlineData("mail to <mailto:jane@icloud.com|jane@icloud.com>", "mail to jane@icloud.com")]
    [InlineData("see <https://ipcheck.proofpoint.com/?ip=1.2.3.4|ipcheck>", "see https://ipcheck.proofpoint.com/?ip=1.2.3.4")]
    [InlineData("&lt;jane@icloud.com&gt;: said &amp; done", "<jane@icloud.com>: said & done")]
    [InlineData("<jane@icloud.com>: host mx01", "<jane@icloud.com>: host mx01")]
    [InlineData("&gt; 421 4.7.0 Deferred", "421 4.7.0 Deferred")]
    [InlineData("<p>why</p><p>now</p>", "why\nnow")]
    [InlineData("`421 4.7.0` ok", "421 4.7.0 ok")]
    [InlineData("``a `b` c`` ok", "a `b` c ok")]
    [InlineData("<<https://a.example/?ip=1.2.3.4|link>5 x>", "<https://a.example/?ip=1.2.3.45 x>")]
    [InlineData("x ``y` z`", "x ``y z")] // a lone "``" is literal; found by the idempotence property
    [InlineData("<<https://a.example/|a>.<https://b.example/|b>x>", "https://a.example/.https://b.example/x")] // links joined by a replacement
    [InlineData("<<https://a.example/|a> and <https://b.example/|b>x>", "<https://a.example/ and https://b.example/x>")]
    [InlineData("x <i<!here> y <a@me.com>: user unknown", "x <i y <a@me.com>: user unknown")] // not a tag once the mention goes
    [InlineData(">>> \t>\t421 4.7.0 Deferred", "421 4.7.0 Deferred")] // quote markers apart by a tab; found by the same property
    public void Strip_ChannelMarkup_LeavesWhatWasMeant(string input, string expected) =>
        Assert.Equal(expected, ChatMarkup.Strip(input).Text);

    [Fact]
    public void Strip_CodeFence_ReportsTheBlockVerbatim()
    {
        var s = ChatMarkup.Strip("explain\n```text\n550-5.7.26 line one\n550 5.7.26 line two\n```\nthanks");
        Assert.Equal(["550-5.7.26 line one\n550 5.7.26 line two"], s.CodeBlocks);
        Assert.Equal("explain\n550-5.7.26 line one\n550 5.7.26 line two\nthanks", s.Text);
    }
}
