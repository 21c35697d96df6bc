using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class SendersIntentTests
{
    [Theory]
    [InlineData("which sender domain is affected?", "")]
    [InlineData("Which of our domains are affected at icloud?", "receiver=icloud")]
    [InlineData("is it the marketing stream or transactional?", "")]
    [InlineData("is transactional or marketing hit at yahoo", "receiver=yahoo")]
    [InlineData("which sending domains get deferred by gmail today", "receiver=gmail;since=today")]
    [InlineData("rates per sender domain", "")]
    [InlineData("whcih sender domians are affected", "")]
    [InlineData("<@U024BE7LH> which streams are affected?", "")]
    [InlineData("<at>Bot</at> is our marketing mail affected at apple", "receiver=icloud")]
    [InlineData("breakdown by domain for outlook", "receiver=microsoft")]
    [InlineData("are our subdomains ok with icloud", "receiver=icloud")]
    [InlineData("which brand is hit", "")]
    public void Understand_SenderQuestion_IsSenders(string text, string entities) => UtteranceAssert.Understood(text, "senders", entities);

    [Fact]
    public void Build_OneDomainAffected_NamesItAndTheStreams()
    {
        var q = new Conversation.Composing.Question
        {
            Receivers = Fakes.ShippedReceivers.Lexicon,
            Intent = "senders", Entities = new Conversation.Understanding.Entities { Receiver = "icloud" },
            Range = Conversation.Understanding.TimeRange.Default, Window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now),
        };
        var stats = new StatsReport
        {
            Window = q.Window, Total = new StatsRow("total", 2000, 1700, 300, 0),
            BySenderDomain = [new("news.example.com", 1000, 700, 300, 0), new("example.com", 1000, 1000, 0, 0)],
            ByStream = [new("marketing", 0, 0, 0, 0, new MessageCounts(500, 400, 0, 0, 100, 150)), new("transactional", 0, 0, 0, 0, new MessageCounts(500, 500, 0, 0, 0, 0))],
        };
        var a = Conversation.Intents.SendersIntent.Build(q, stats);
        Assert.Equal("1 of our 2 sender domains is affected at iCloud in the last 24h: news.example.com (30% deferred, 0% bounced).", a.Headline);
        Assert.Contains(a.Blocks.OfType<Conversation.Answers.Blocks.ListBlock>().Single().Lines, l => l.Contains("marketing 30% of messages affected", StringComparison.Ordinal));
    }
}
