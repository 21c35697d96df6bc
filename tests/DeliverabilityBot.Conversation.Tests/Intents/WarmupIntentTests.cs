using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class WarmupIntentTests
{
    [Theory]
    [InlineData("should I warm up a new IP?", "")]
    [InlineData("should we warm up a new ip for icloud", "receiver=icloud")]
    [InlineData("would a new IP help?", "")]
    [InlineData("do we need a dedicated ip", "")]
    [InlineData("should we switch to a different ip", "")]
    [InlineData("is ip warming the fix?", "")]
    [InlineData("can we rewarm our ips", "")]
    [InlineData("should we move to new IPs for apple", "receiver=icloud")]
    [InlineData("<@U024BE7LH> should I warm up a new IP?", "")]
    [InlineData("<at>DeliverabilityBot</at> would fresh ips fix yahoo?", "receiver=yahoo")]
    public void Understand_WarmingQuestion_IsWarmup(string text, string entities) => UtteranceAssert.Understood(text, "warmup", entities);

    private static Conversation.Composing.Question Q() => new()
    {
        Receivers = ShippedReceivers.Lexicon,
        Intent = "warmup",
        Entities = new Conversation.Understanding.Entities { Receiver = "icloud" },
        Range = Conversation.Understanding.TimeRange.Default,
        Window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now),
    };

    private static StatsReport Stats(long deferred, long bounced) => new() { Window = Q().Window, Total = new StatsRow("total", 2000, 2000 - deferred - bounced, deferred, bounced) };

    [Fact]
    public void Build_Deferrals_AnswersNoAndSaysSlowDownWithoutADiagnosis()
    {
        var a = Conversation.Intents.WarmupIntent.Build(Q(), Stats(620, 80));
        Assert.StartsWith("Not as the fix: warming a new or dedicated IP alone does not clear a deferral pattern; first decide whether it is 4xx", a.Headline);
        Assert.StartsWith("iCloud in the last 24h is mostly deferring (4xx: 620 of 2,000 (31%)", a.BlocksOf<ListBlock>().First().Lines[0]);
        Assert.Empty(a.BlocksOf<FindingsBlock>());
        Assert.Contains(a.Links, l => l.Url == "https://support.apple.com/en-us/102322");
    }

    [Fact]
    public void Build_Refusals_SaysActOnTheCause()
    {
        var a = Conversation.Intents.WarmupIntent.Build(Q(), Stats(10, 300));
        Assert.Contains("is mostly refusing (5xx", a.BlocksOf<ListBlock>().First().Lines[0]);
    }
}
