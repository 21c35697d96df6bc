using System.Text;
using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Ingestion.Tests.Sources;

public sealed class SyslogFrameReaderTests
{
    private static async Task<(List<string> Frames, long Oversized)> ReadAll(string wire, int max = 100, int chunk = 3)
    {
        // A stream that gives a few bytes at a time, as TCP may.
        var reader = new SyslogFrameReader(new TrickleStream(Encoding.UTF8.GetBytes(wire), chunk), max);
        var frames = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None) is { } frame) frames.Add(Encoding.UTF8.GetString(frame));
        return (frames, reader.Oversized);
    }

    [Fact]
    public async Task ReadAsync_OctetCounting_SplitsByLength()
    {
        var (frames, _) = await ReadAll("11 <22>1 - a\nb13 <22>1 - hello");

        Assert.Equal(["<22>1 - a\nb", "<22>1 - hello"], frames);
    }

    [Fact]
    public async Task ReadAsync_NonTransparent_SplitsAtLfAndNul()
    {
        var (frames, _) = await ReadAll("<22>one\n<22>two\0<22>three\r\n\n<22>last");

        Assert.Equal(["<22>one", "<22>two", "<22>three\r", "<22>last"], frames);
    }

    [Fact]
    public async Task ReadAsync_MixedFraming_EachFrameByItsFirstByte()
    {
        var (frames, _) = await ReadAll("5 <22>a<22>b\n3 <1>");

        Assert.Equal(["<22>a", "<22>b", "<1>"], frames);
    }

    [Fact]
    public async Task ReadAsync_OversizedCountedFrame_SkippedAndCounted()
    {
        var big = new string('x', 150);
        var (frames, oversized) = await ReadAll($"{big.Length} {big}4 <1>a");

        Assert.Equal(["<1>a"], frames);
        Assert.Equal(1, oversized);
    }

    [Fact]
    public async Task ReadAsync_OversizedDelimitedFrame_DroppedToItsTrailerAndCounted()
    {
        var big = "<22>" + new string('y', 500);
        var (frames, oversized) = await ReadAll($"<22>first\n{big}\n<22>after\n", chunk: 64);

        Assert.Equal(["<22>first", "<22>after"], frames);
        Assert.Equal(1, oversized);
    }

    [Fact]
    public async Task ReadAsync_CountedFrameCutShort_EndsWithoutIt()
    {
        var (frames, _) = await ReadAll("4 <1>a20 <22>cut");

        Assert.Equal(["<1>a"], frames);
    }

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
