using System.Buffers.Binary;
using System.Text.Json;

namespace DeliverabilityBot.Cli.Tests.Commands;

/// <summary><c>dbot timeline</c>, <c>dbot why --chart</c> and <c>dbot ask --chart</c> over a history ingested by <c>dbot ingest</c>.</summary>
public sealed class ChartCommandTests : IDisposable
{
    private readonly IngestedHistory _history = new("dbot-chart-");

    public void Dispose() => _history.Dispose();

    private string File(string name) => Path.Combine(_history.Data, name);

    private static (int Width, int Height) PngSize(string path)
    {
        var png = System.IO.File.ReadAllBytes(path);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void Timeline_Json_HourlyBucketsAddUpToTheHistory()
    {
        var r = DbotProcess.Run(null, "timeline", "icloud", "--since", "6h", "--json", "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var buckets = doc.RootElement.GetProperty("total").GetProperty("buckets").EnumerateArray().ToList();
        Assert.InRange(buckets.Count, 6, 7);
        Assert.Equal(10, buckets.Sum(b => b.GetProperty("attempts").GetInt32()));
        Assert.Equal(4, buckets.Sum(b => b.GetProperty("deferred").GetInt32()));
        Assert.Equal(10, buckets.Sum(b => b.GetProperty("messages").GetProperty("total").GetInt32()));
        Assert.Equal("01:00:00", doc.RootElement.GetProperty("bucketWidth").GetString());
    }

    [Fact]
    public void Timeline_Chart_WritesThePngAndStatesTheFigures()
    {
        var r = DbotProcess.Run(null, "timeline", "icloud", "--since", "6h", "--chart", File("icloud.png"), "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal((960, 600), PngSize(File("icloud.png")));
        Assert.Contains("Chart written to", r.Out, StringComparison.Ordinal);
        Assert.Contains("Deferred 40% of 10 attempts", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyJson_Chart_StdoutStaysOneJsonDocumentAndThePngIsWritten()
    {
        var r = DbotProcess.Run(null, "why", "icloud", "--json", "--chart", File("why.png"), "--data", _history.Data);

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("icloud", doc.RootElement.GetProperty("receiver").GetString());
        Assert.Equal((960, 600), PngSize(File("why.png")));
        Assert.Contains("Chart written to", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_ShowMeAChart_WritesTheAnswersChart()
    {
        var r = DbotProcess.Run(null, "ask", "--chart", File("ask.png"), "--data", _history.Data, "show me a chart for icloud");

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal((960, 600), PngSize(File("ask.png")));
    }

    [Fact]
    public void Ask_AnswerWithoutChart_Exit1SayingHowToGetOne()
    {
        var r = DbotProcess.Run(null, "ask", "--chart", File("none.png"), "--data", _history.Data, "what is ICL1001?");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("has no chart", r.Err, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File("none.png")));
    }

    [Theory]
    [InlineData("--chart", "out.jpg", "ending in .png")]
    [InlineData("--ip", "1.2.3", "--ip 1.2.3 is not an IPv4 or IPv6 address")]
    public void Timeline_BadOption_Exit2NamingIt(string option, string value, string message)
    {
        var r = DbotProcess.Run(null, "timeline", "icloud", option, value, "--data", _history.Data);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_ReceiverWithoutTraffic_NoChartExit1()
    {
        var r = DbotProcess.Run(null, "timeline", "yahoo", "--chart", File("yahoo.png"), "--data", _history.Data);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no chart written", r.Err, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File("yahoo.png")));
    }
}
