using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class IpsIntentTests
{
    [Theory]
    [InlineData("which IPs are affected?", "")]
    [InlineData("which ips are affected at icloud", "receiver=icloud")]
    [InlineData("Which of our sending IPs are blocked by Apple?", "receiver=icloud")]
    [InlineData("is 203.0.113.7 blocked?", "ip=203.0.113.7")]
    [InlineData("is 203.0.113.7 blocked at icloud?", "receiver=icloud;ip=203.0.113.7")]
    [InlineData("why is 203.0.113.7 getting blocked", "ip=203.0.113.7")]
    [InlineData("only one of our IPs or all?", "")]
    [InlineData("per-ip rates for yahoo", "receiver=yahoo")]
    [InlineData("breakdown by ip for the last 7 days", "since=last 1w")]
    [InlineData("whcih ips are affected", "")]
    [InlineData("is our dedicated ip ok with gmail", "receiver=gmail")]
    [InlineData("<@U024BE7LH> which ips are affected?", "")]
    [InlineData("<at>DeliverabilityBot</at> is 198.51.100.4 listed?", "ip=198.51.100.4")]
    [InlineData("are all our ips hit or just one", "")]
    [InlineData("how is 2001:db8::25 doing at outlook", "receiver=microsoft;ip=2001:db8::25")]
    public void Understand_IpQuestion_IsIps(string text, string entities) => UtteranceAssert.Understood(text, "ips", entities);

    private static Conversation.Composing.Question Q(string? ip = null) => new()
    {
        Receivers = Fakes.ShippedReceivers.Lexicon,
        Intent = "ips",
        Entities = new Conversation.Understanding.Entities { Receiver = "icloud", Ip = ip },
        Range = Conversation.Understanding.TimeRange.Default,
        Window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now),
    };

    private static StatsReport Stats(params StatsRow[] ips) => new()
    {
        Window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now),
        Total = new StatsRow("total", ips.Sum(r => r.Attempts), ips.Sum(r => r.Delivered), ips.Sum(r => r.Deferred), ips.Sum(r => r.Bounced)),
        BySendingIp = ips,
    };

    [Fact]
    public void AllIps_OneIpInTrouble_NamesItFirst()
    {
        var a = Conversation.Intents.IpsIntent.AllIps(Q(), Stats(new("203.0.113.7", 1000, 690, 280, 30), new("203.0.113.8", 1000, 995, 5, 0)));
        Assert.StartsWith("1 of our 2 sending IPs is affected at iCloud in the last 24h: 203.0.113.7 (28% deferred, 3% bounced).", a.Headline);
        Assert.Equal("203.0.113.7", a.BlocksOf<TableBlock>().First().Rows[0][0]);
    }

    [Fact]
    public void AllIps_EveryIpAlike_SaysItIsNotOneIp()
    {
        var a = Conversation.Intents.IpsIntent.AllIps(Q(), Stats(new("203.0.113.7", 1000, 700, 300, 0), new("203.0.113.8", 1000, 720, 280, 0)));
        Assert.Contains("affected alike", a.Headline);
    }

    [Fact]
    public void OneIp_BlockReplies_AnswersYesWithTheReplyAndTheLookup()
    {
        var examples = new[] { new EvidenceExample(Scenario.Now, "bob@me.com", "mx01.mail.icloud.com", "203.0.113.7", Scenario.BlockReply, ["ICL1020"]) };
        var a = Conversation.Intents.IpsIntent.OneIp(Q("203.0.113.7"), Stats(new("203.0.113.7", 1000, 972, 0, 28), new("203.0.113.8", 1000, 1000, 0, 0)), "203.0.113.7", examples);
        Assert.StartsWith("Yes: iCloud refused mail from 203.0.113.7 with block replies", a.Headline);
        Assert.Contains("(0% deferred, 2.8% bounced of its 1,000 attempts, against 0% deferred, 0% bounced for our other IPs)", a.Headline);
        Assert.Contains(a.BlocksOf<EvidenceBlock>().Single().Lines, l => l.EndsWith(Scenario.BlockReply, StringComparison.Ordinal));
        Assert.Contains(a.Links, l => l.Url == "https://ipcheck.proofpoint.com/?ip=203.0.113.7");
        Assert.Contains(a.BlocksOf<ListBlock>().Single().Lines, l => l.Contains("without being on any public blocklist", StringComparison.Ordinal));
    }

    [Fact]
    public void OneIp_OthersDeferredOnly_ComparesClassByClass()
    {
        var a = Conversation.Intents.IpsIntent.OneIp(Q("203.0.113.7"), Stats(new("203.0.113.7", 157, 129, 0, 28), new("203.0.113.8", 1000, 610, 390, 0)), "203.0.113.7", []);
        Assert.Contains("(0% deferred, 18% bounced of its 157 attempts, against 39% deferred, 0% bounced for our other IPs)", a.Headline);
    }

    [Fact]
    public void OneIp_NoBlockReply_DoesNotClaimABlock()
    {
        var a = Conversation.Intents.IpsIntent.OneIp(Q("203.0.113.8"), Stats(new StatsRow("203.0.113.8", 1000, 990, 10, 0)), "203.0.113.8", []);
        Assert.StartsWith("203.0.113.8 at iCloud in the last 24h: no block reply names it", a.Headline);
    }
}
