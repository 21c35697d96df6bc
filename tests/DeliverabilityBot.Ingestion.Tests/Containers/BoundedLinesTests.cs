using System.Text;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

public class BoundedLinesTests
{
    private static List<string> Expected(string text, int max)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) lines.Add(line.Length > max ? line[..max] : line);
        return lines;
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("a", 10)]
    [InlineData("a\n", 10)]
    [InlineData("\n\n", 10)]
    [InlineData("a\r\nb\rc\n\rd", 10)]
    [InlineData("abcdefghijkl\nxy\r", 4)]
    public void Read_SmallTexts_SameAsReadLineCut(string text, int max) =>
        Assert.Equal(Expected(text, max), BoundedLines.Read(new StringReader(text), max));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_RandomTextsAcrossChunkBoundaries_SameAsReadLineCut(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < 200_000)
        {
            // Line ends of every kind, some landing on the 32K chunk edges, and lines far over the limit.
            text.Append('x', random.Next(0, random.Next(2) == 0 ? 40 : 70_000));
            text.Append(random.Next(3) switch { 0 => "\n", 1 => "\r", _ => "\r\n" });
        }
        text.Insert((1 << 15) - 1, "\r\n");

        foreach (var max in new[] { 1, 100, 64 * 1024 })
            Assert.Equal(Expected(text.ToString(), max), BoundedLines.Read(new StringReader(text.ToString()), max));
    }
}
