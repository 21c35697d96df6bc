using DeliverabilityBot.Conversation.Composing;

namespace DeliverabilityBot.Conversation.Tests.Composing;

public class NumbersTests
{
    [Theory]
    [InlineData(620, 2000, "31%")]
    [InlineData(80, 2000, "4%")]
    [InlineData(83, 2000, "4.2%")]
    [InlineData(2, 5000, "<0.1%")]
    [InlineData(4990, 5000, "99.8%")]
    [InlineData(4999, 5000, "99.9%")]
    [InlineData(5000, 5000, "100%")]
    [InlineData(0, 5000, "0%")]
    [InlineData(3, 0, "0%")]
    public void Percent_Share_NeverRoundsAwayTheTruth(long part, long whole, string expected) =>
        Assert.Equal(expected, Numbers.Percent(part, whole));

    [Fact]
    public void Share_FormatsCountsWithSeparators() => Assert.Equal("620 of 12,000 (5.2%)", Numbers.Share(620, 12000));
}
