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
        var a = Conversation.Intents.TimelineIntent.Build(q, stats, TimeSpan.FromDays(5));
        Assert.Equal("At iCloud it started 2026-11-28 03:00 UTC and has lasted 3 hours so far; mail first deferred then expires around 2026-12-03 03:00 UTC if still not delivered.", a.Headline);
        var chart = a.BlocksOf<ChartBlock>().Single();
        Assert.Equal([0, 1, 30, 69], chart.Series[0].Points.Select(p => p.Value));
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
