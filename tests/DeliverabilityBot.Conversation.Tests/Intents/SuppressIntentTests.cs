using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Suppression;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class SuppressIntentTests
{
    [Theory]
    [InlineData("which recipients should be suppressed?", "")]
    [InlineData("which recipients should we suppress at icloud", "receiver=icloud")]
    [InlineData("who should we suppress", "")]
    [InlineData("give me the suppression list", "")]
    [InlineData("export the suppression list for yahoo", "receiver=yahoo")]
    [InlineData("which addresses should we remove from the list?", "")]
    [InlineData("remove the dead addresses", "")]
    [InlineData("can we clean the list?", "")]
    [InlineData("list of invalid addresses at gmail", "receiver=gmail")]
    [InlineData("supress bounced recipients", "")]
    [InlineData("<@U024BE7LH> which recipients should be suppressed?", "")]
    [InlineData("<at>DeliverabilityBot</at> export the hard bounces", "")]
    [InlineData("should we suppress the 421s?", "code=421")]
    [InlineData("what emails should we stop sending to", "")]
    public void Understand_SuppressionQuestion_IsSuppress(string text, string entities) => UtteranceAssert.Understood(text, "suppress", entities);

    private static Conversation.Composing.Question Q() => new()
    {
        Receivers = Fakes.ShippedReceivers.Lexicon,
        Intent = "suppress",
        Entities = new Conversation.Understanding.Entities { Receiver = "icloud" },
        Range = Conversation.Understanding.TimeRange.Default,
        Window = new TimeWindow(Fakes.Scenario.Now.AddHours(-24), Fakes.Scenario.Now),
    };

    private static readonly SuppressionEntry Gone = new("bob@icloud.com", "icloud", "userunknown", Fakes.Scenario.Now, "550 5.1.1 <bob@icloud.com>: user does not exist", "ICL1010");

    [Fact]
    public void Build_MailboxBounces_CountsThemAndAttachesTheCsv()
    {
        var a = Conversation.Intents.SuppressIntent.Build(Q(), new SuppressionReport { Safe = [Gone], Held = [new HeldCount("reputation refusal", 120)], DeferredOnly = 300 });
        Assert.StartsWith("1 recipient is safe to suppress at iCloud in the last 24h", a.Headline);
        Assert.Contains("420 other recipients in trouble must not be suppressed", a.Headline);
        var file = a.BlocksOf<FileBlock>().Single();
        Assert.Equal("suppress-icloud.csv", file.FileName);
        Assert.Contains("bob@icloud.com,icloud,userunknown", file.Content);
        Assert.Equal("dbot suppress icloud --format csv", file.Command);
        Assert.Contains(a.BlocksOf<ListBlock>().First().Lines, l => l == "300 recipients only deferred (4xx is temporary)");
    }

    [Fact]
    public void Build_OnlyDeferrals_SuppressesNobody()
    {
        var a = Conversation.Intents.SuppressIntent.Build(Q(), new SuppressionReport { DeferredOnly = 696 });
        Assert.StartsWith("No recipient is safe to suppress at iCloud", a.Headline);
        Assert.Empty(a.BlocksOf<FileBlock>());
    }

    [Fact]
    public void Render_FileBlock_HtmlOffersADownloadAndTextPointsAtTheCommand()
    {
        var a = Conversation.Intents.SuppressIntent.Build(Q(), new SuppressionReport { Safe = [Gone] });
        Assert.Contains("download=\"suppress-icloud.csv\" href=\"data:text/csv;charset=utf-8;base64,", new HtmlRenderer().Render(a));
        Assert.Contains("dbot suppress icloud --format csv", new PlainTextRenderer().Render(a));
    }
}
