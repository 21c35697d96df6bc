using CsCheck;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Tests.Logs.Legacy;

namespace DeliverabilityBot.Ingestion.Tests.Logs;

/// <summary>
/// The hand-written Postfix reader and timestamp reader give exactly what the regex-based ones gave
/// (<see cref="Legacy"/>), on generated lines of the common shape and on near misses around it.
/// </summary>
public class PostfixEquivalenceProperties
{
    private static readonly long Iter = FuzzBudget.Iterations(2000);

    [Fact]
    public void Parse_GeneratedPostfixLog_SameEventsAsRegexReader()
    {
        PostfixLineGen.Log.Sample(lines =>
        {
            var expected = Legacy(lines);
            var actual = new MtaLogParser([new PostfixLogReader()]).Parse(lines, "mail.log", 2026).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++) AssertSame(expected[i], actual[i]);
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Fact]
    public void Read_GeneratedTimestamps_SameAsRegexReader()
    {
        PostfixLineGen.MaybeMutated.Sample(line =>
        {
            var expected = LegacyLogTimestamp.Read(line, 2026);
            var actual = LogTimestamp.Read(line, 2026);
            Assert.Equal(expected, actual);
            Assert.Equal(expected?.Offset, actual?.Offset);
        }, iter: Iter, threads: FuzzBudget.Threads);
    }

    [Theory]
    [InlineData("2026-11-28T05:00:00.123456+05:30 mx1")]
    [InlineData("2026-11-28 05:00:00 +0200 [123]")]
    [InlineData("2026-02-29T05:00:00Z")]
    [InlineData("2028-02-29T05:00:00Z")]
    [InlineData("2026-11-28T24:00:00Z")]
    [InlineData("2026-11-28T05:00:00+15:00")]
    [InlineData("2026-11-28T05:00:00.12345678-07:00")]
    [InlineData("Feb 30 05:00:00 mx1")]
    [InlineData("Nov  3 05:00:00 mx1")]
    [InlineData("Nov 03 05:00:60 mx1")]
    [InlineData("nov 03 05:00:00 mx1")]
    public void Read_EdgeTimestamps_SameAsRegexReader(string line)
    {
        Assert.Equal(LegacyLogTimestamp.Read(line, 2026), LogTimestamp.Read(line, 2026));
        Assert.Equal(LegacyLogTimestamp.Read(line, 2026)?.Offset, LogTimestamp.Read(line, 2026)?.Offset);
    }

    private static List<BounceEvent> Legacy(IEnumerable<string> lines)
    {
        var context = new LegacyLogContext("mail.log", 2026);
        var reader = new LegacyPostfixLogReader();
        var events = new List<BounceEvent>();
        foreach (var line in lines)
            if (line.Length > 0) reader.TryRead(line, context, events);
        return events;
    }

    private static void AssertSame(BounceEvent expected, BounceEvent actual)
    {
        Assert.Equal(
            (expected.Index, expected.Recipient, expected.RecipientDomain, expected.Sender, expected.SenderDomain, expected.RemoteHost, expected.RemoteIp, expected.Stage, expected.Action),
            (actual.Index, actual.Recipient, actual.RecipientDomain, actual.Sender, actual.SenderDomain, actual.RemoteHost, actual.RemoteIp, actual.Stage, actual.Action));
        Assert.Equal(
            (expected.Reply.Code, expected.Reply.Status, expected.Reply.Text, expected.Reply.Raw, expected.DsnStatus, expected.Timestamp, expected.Timestamp?.Offset),
            (actual.Reply.Code, actual.Reply.Status, actual.Reply.Text, actual.Reply.Raw, actual.DsnStatus, actual.Timestamp, actual.Timestamp?.Offset));
        Assert.Equal((expected.MessageId, expected.Source, expected.Kind, expected.SourceFormat), (actual.MessageId, actual.Source, actual.Kind, actual.SourceFormat));
        Assert.Equal(expected.Hints.OrderBy(h => h.Key), actual.Hints.OrderBy(h => h.Key));
    }
}
