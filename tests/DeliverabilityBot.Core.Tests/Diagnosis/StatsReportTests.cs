using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Core.Tests.Diagnosis;

public sealed class StatsReportTests
{
    [Theory]
    [InlineData(StatsReport.NotRecorded, false)]
    [InlineData("", false)]
    [InlineData("203.0.113.5", true)]
    [InlineData("shop.example", true)]
    [InlineData("(transactional)", true)] // a stream name in parentheses is still a recorded value
    public void IsRecorded_Key_OnlyTheGapNameAndEmptyAreNot(string key, bool expected) =>
        Assert.Equal(expected, StatsReport.IsRecorded(key));
}
