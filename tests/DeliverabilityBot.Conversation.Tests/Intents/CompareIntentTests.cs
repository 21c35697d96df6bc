using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class CompareIntentTests
{
    [Theory]
    [InlineData("is it us or them?", "")]
    [InlineData("Is it us or them at icloud?", "receiver=icloud")]
    [InlineData("is it our side or apple's side", "receiver=icloud")]
    [InlineData("is it only icloud?", "receiver=icloud")]
    [InlineData("is it just us?", "")]
    [InlineData("compare icloud with the other receivers", "receiver=icloud")]
    [InlineData("today vs yesterday", "since=today")]
    [InlineData("is gmail worse than usual", "receiver=gmail")]
    [InlineData("is it us or tehm", "")]
    [InlineData("<@U024BE7LH> us or them?", "")]
    [InlineData("<at>DeliverabilityBot</at> is it their fault or ours?", "")]
    [InlineData("how does yahoo compare to last week", "receiver=yahoo;since=last 1w")]
    [InlineData("is it only happening with outlook", "receiver=microsoft")]
    public void Understand_UsOrThem_IsCompare(string text, string entities) => UtteranceAssert.Understood(text, "compare", entities);

    private static readonly TimeWindow Window = new(Scenario.Now.AddHours(-24), Scenario.Now);

    private static Conversation.Composing.Question Q => new()
    {
        Receivers = Fakes.ShippedReceivers.Lexicon,
        Intent = "compare", Entities = new Conversation.Understanding.Entities { Receiver = "icloud" },
        Range = Conversation.Understanding.TimeRange.Default, Window = Window,
    };

    private static StatsReport Report(StatsRow total, StatsRow[]? receivers = null, StatsRow[]? ips = null) => new()
    {
        Window = Window, Total = total, ByReceiver = receivers ?? [], BySendingIp = ips ?? [],
    };

    [Fact]
    public void Build_OnlyThisReceiverAndEveryIpAlike_SaysTheirSide()
    {
        var all = Report(new("total", 7000, 6280, 628, 92), [new("icloud", 2000, 1300, 620, 80), new("gmail", 5000, 4980, 8, 12)]);
        var icloud = Report(new("total", 2000, 1300, 620, 80), ips: [new("203.0.113.7", 1000, 650, 310, 40), new("203.0.113.8", 1000, 650, 310, 40)]);
        var before = Report(new("total", 2000, 1980, 20, 0));
        var a = Conversation.Intents.CompareIntent.Build(Q, all, icloud, before);
        Assert.StartsWith("Their side, most likely: only iCloud in the last 24h (31% deferred, 4% bounced) is affected while our other receivers are fine", a.Headline);
        Assert.EndsWith("up from 1% in the window before.", a.Headline);
    }

    [Fact]
    public void Build_OneIpOnly_SaysOurSide()
    {
        var all = Report(new("total", 7000, 6500, 480, 20), [new("icloud", 2000, 1500, 480, 20), new("gmail", 5000, 5000, 0, 0)]);
        var icloud = Report(new("total", 2000, 1500, 480, 20), ips: [new("203.0.113.7", 1000, 500, 480, 20), new("203.0.113.8", 1000, 1000, 0, 0)]);
        var a = Conversation.Intents.CompareIntent.Build(Q, all, icloud, Report(new("total", 0, 0, 0, 0)));
        Assert.StartsWith("Our side, one IP: at iCloud in the last 24h (24% deferred, 1% bounced) only 203.0.113.7 is affected", a.Headline);
    }

    [Fact]
    public void Build_OtherReceiversAffectedToo_SaysUs()
    {
        var all = Report(new("total", 7000, 5000, 2000, 0), [new("icloud", 2000, 1400, 600, 0), new("gmail", 5000, 3600, 1400, 0)]);
        var icloud = Report(new("total", 2000, 1400, 600, 0));
        var a = Conversation.Intents.CompareIntent.Build(Q, all, icloud, Report(new("total", 0, 0, 0, 0)));
        Assert.StartsWith("Us, most likely: our other receivers are affected too", a.Headline);
    }
}
