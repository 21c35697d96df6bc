using DeliverabilityBot.Conversation.Understanding;

namespace DeliverabilityBot.Conversation.Tests.Understanding;

public class TimeRangeTests
{
    // Saturday 2026-11-28 06:00 UTC
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("last 24 hours", "2026-11-27 06:00", "2026-11-28 06:00")]
    [InlineData("past hour", "2026-11-28 05:00", "2026-11-28 06:00")]
    [InlineData("today", "2026-11-28 00:00", "2026-11-28 06:00")]
    [InlineData("yesterday", "2026-11-27 00:00", "2026-11-28 00:00")]
    [InlineData("since yesterday", "2026-11-27 00:00", "2026-11-28 06:00")]
    [InlineData("since Monday", "2026-11-23 00:00", "2026-11-28 06:00")]
    [InlineData("since saturday", "2026-11-28 00:00", "2026-11-28 06:00")]
    [InlineData("this week", "2026-11-23 00:00", "2026-11-28 06:00")]
    [InlineData("this month", "2026-11-01 00:00", "2026-11-28 06:00")]
    [InlineData("in the last two days", "2026-11-26 06:00", "2026-11-28 06:00")]
    [InlineData("48h", "2026-11-26 06:00", "2026-11-28 06:00")]
    [InlineData("since 2026-11-20", "2026-11-20 00:00", "2026-11-28 06:00")]
    [InlineData("last 30 minutes", "2026-11-28 05:30", "2026-11-28 06:00")]
    [InlineData("since 2026-12-25", "2026-11-28 06:00", "2026-11-28 06:00")] // after the reference: empty, not reversed (property test)
    public void Find_Phrase_ResolvesToWindow(string phrase, string from, string to)
    {
        var w = TimeRangeParser.Find(phrase)!.Resolve(Now);
        Assert.Equal((from, to), (w.From.ToString("yyyy-MM-dd HH:mm"), w.To.ToString("yyyy-MM-dd HH:mm")));
    }

    [Theory]
    [InlineData("last 24 hours")]
    [InlineData("since monday")]
    [InlineData("this week")]
    [InlineData("since yesterday")]
    [InlineData("last 7 days")]
    [InlineData("last 30 minutes")]
    [InlineData("since 2026-11-20")]
    public void ToString_ParsedAgain_GivesTheSameRange(string phrase)
    {
        var range = TimeRangeParser.Find(phrase)!;
        Assert.Equal(range, TimeRangeParser.Find(range.ToString()));
    }

    [Theory]
    [InlineData("421 4.7.0 from 17.57.155.25")]
    [InlineData("why is icloud deferring us")]
    [InlineData("we sent 500 emails")]
    public void Find_NoTimePhrase_ReturnsNull(string text) => Assert.Null(TimeRangeParser.Find(text));
}
