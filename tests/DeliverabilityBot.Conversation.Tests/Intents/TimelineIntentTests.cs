using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Tests.Fakes;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Tests.Intents;

public class TimelineIntentTests
{
    [Theory]
    [InlineData("when did it start?", "")]
    [InlineData("When did the icloud deferrals start?", "receiver=icloud")]
    [InlineData("how long has this been going on", "")]
    [InlineData("how long will the 421s go on before mail expires?", "code=421")]
    [InlineData("when will the deferred mail expire", "")]
    [InlineData("since when is apple deferring us", "receiver=icloud")]
    [InlineData("is it over?", "")]
    [InlineData("deferral rate over time for yahoo", "receiver=yahoo")]
    [InlineData("wehn did it start", "")]
    [InlineData("<@U024BE7LH> when did it start?", "")]
    [InlineData("<at>DeliverabilityBot</at> how long has gmail been throttling us", "receiver=gmail")]
    [InlineData("timeline for icloud since monday", "receiver=icloud;since=since monday")]
    [InlineData("when do we give up on those messages", "")]
    public void Understand_WhenQuestion_IsTimeline(string text, string entities) => UtteranceAssert.Understood(text, "timeline", entities);

    [Theory]
    [InlineData("show me a chart", "")]
    [InlineData("show me a chart for icloud", "receiver=icloud")]
    [InlineData("can you graph the deferral rate at yahoo?", "receiver=yahoo")]
    [InlineData("plot bounces and deferrals for the last 7 days", "since=last 1w")]
    [InlineData("chart per IP for icloud", "receiver=icloud")]
    [InlineData("deferral rate chart by ip", "")]
    [InlineData("chart for 203.0.113.7", "ip=203.0.113.7")]
    [InlineData("<@U024BE7LH> chart of the icloud bounce rate", "receiver=icloud")]
    [InlineData("visualize the gmail deferrals", "receiver=gmail")]
    [InlineData("show me a graph of stats by hour", "")]
    public void Understand_ChartQuestion_IsTimeline(string text, string entities) => UtteranceAssert.Understood(text, "timeline", entities);

    [Theory]
    [InlineData("chart per IP for icloud", null, true)]
    [InlineData("show the deferral rate for all our IPs as a graph", null, true)]
    [InlineData("chart for 203.0.113.7", "203.0.113.7", false)]
    [InlineData("show me a chart", null, false)]
    public void ChartRequest_Question_IpOrSplitByIp(string text, string? ip, bool byIp)
    {
        var u = Fakes.TestBot.Understander.Understand(text, Fakes.ShippedReceivers.Lexicon);
        var window = new TimeWindow(Scenario.Now.AddHours(-24), Scenario.Now);
        var q = new Conversation.Composing.Question
        {
            Receivers = Fakes.ShippedReceivers.Lexicon, Intent = u.Intent, Entities = u.Entities, Text = text,
            Range = Conversation.Understanding.TimeRange.Default, Window = window,
        };
        var request = Conversation.Intents.TimelineIntent.ChartRequest(q);
        Assert.Equal((ip, byIp, window), (request.SendingIp, request.BySendingIp, request.Window));
    }

    [Fact]
    public async Task AnswerAsync_ShowMeAChart_ChartFromTheStoreTimelineWithStatedFigures()
    {
        var queries = Scenario.Create();
        var t0 = Scenario.Now.AddHours(-3);
        queries.Timelines["icloud"] = new Core.Charts.RateTimeline
        {
            Receiver = "icloud", Window = new TimeWindow(t0, Scenario.Now), BucketWidth = TimeSpan.FromHours(1),
            Total = new Core.Charts.RateSeries("icloud",
            [
                new Core.Charts.RateBucket(t0, 100, 99, 1, 0, MessageCounts.None),
                new Core.Charts.RateBucket(t0.AddHours(1), 100, 38, 60, 2, MessageCounts.None),
                new Core.Charts.RateBucket(t0.AddHours(2), 100, 30, 70, 0, MessageCounts.None),
            ]),
        };
        var bot = Fakes.TestBot.Create(queries, new ManualClock(Scenario.Now));

        var reply = await bot.AnswerAsync(new Conversation.Answers.ChatTurn("web", "c1", null, "u1", "show me a chart for icloud"));

        Assert.Equal("timeline", reply.Intent);
        var chart = reply.Answer.BlocksOf<ChartBlock>().Single();
        Assert.Equal([1.0, 60, 70], chart.Series[0].Points.Select(p => p.Value));
        Assert.Contains("Deferred 44% of 300 attempts (worst hour 2026-11-28 05:00 UTC: 70 of 100 (70%))", chart.AltText);
        Assert.Contains(queries.Calls, c => c.StartsWith("timeline icloud ip=- byIp=False", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_TroubleFromThreeToSix_StartDurationExpiryAndChart()
    {
        var window = new TimeWindow(Scenario.Now.AddHours(-6), Scenario.Now);
        var q = new Conversation.Composing.Question
        {
            Receivers = Fakes.ShippedReceivers.Lexicon,
            Intent = "timeline", Entities = new Conversation.Understanding.Entities { Receiver = "icloud" },
            Range = Conversation.Understanding.TimeRange.Last(TimeSpan.FromHours(6)), Window = window,
        };
        var stats = new StatsReport
        {
            Window = window, Total = new StatsRow("total", 400, 300, 100, 0),
            ByHour =
            [
                new("2026-11-28T01:00:00Z", 100, 100, 0, 0), new("2026-11-28T02:00:00Z", 100, 99, 1, 0),
                new("2026-11-28T03:00:00Z", 100, 70, 30, 0), new("2026-11-28T05:00:00Z", 100, 31, 69, 0),
            ],
        };
        var timeline = new Core.Charts.RateTimeline
        {
            Receiver = "icloud", Window = window, BucketWidth = TimeSpan.FromHours(1),
            Total = new Core.Charts.RateSeries("icloud", [Core.Charts.RateBucket.Empty(window.From)]),
        };
        var a = Conversation.Intents.TimelineIntent.Build(q, stats, TimeSpan.FromDays(5), timeline);
        Assert.Equal("At iCloud it started 2026-11-28 03:00 UTC and has lasted 3 hours so far; mail first deferred then expires around 2026-12-03 03:00 UTC if still not delivered.", a.Headline);
        Assert.Empty(a.BlocksOf<ChartBlock>()); // a timeline without traffic draws nothing
    }

    [Fact]
    public void Build_QuietHours_SaysNoHourWasAffected()
    {
        var window = new TimeWindow(Scenario.Now.AddHours(-2), Scenario.Now);
        var q = new Conversation.Composing.Question
        {
            Receivers = Fakes.ShippedReceivers.Lexicon,
            Intent = "timeline", Entities = new Conversation.Understanding.Entities(), Range = Conversation.Understanding.TimeRange.Default, Window = window,
        };
        var stats = new StatsReport { Window = window, Total = new StatsRow("total", 100, 100, 0, 0), ByHour = [new("2026-11-28T05:00:00Z", 100, 100, 0, 0)] };
        Assert.StartsWith("No hour at all receivers", Conversation.Intents.TimelineIntent.Build(q, stats, TimeSpan.FromDays(5)).Headline);
    }
}
