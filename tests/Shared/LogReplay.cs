using System.Globalization;

namespace DeliverabilityBot.Tests.Shared;

/// <summary>
/// Replays a log with RFC 3339 timestamps in time order: cuts it into consecutive files of <c>step</c> of log time each,
/// as a followed log would grow, so a test can ingest one slice at a time and evaluate between them.
/// </summary>
internal static class LogReplay
{
    /// <summary>The slices in order, each with the log time it ends at (exclusive) and the file holding its lines.</summary>
    public static IReadOnlyList<(DateTimeOffset End, string Path)> Slices(string log, TimeSpan step, string folder)
    {
        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(log);
        if (lines.Length == 0) return [];
        var slices = new List<(DateTimeOffset, string)>();
        var start = Time(lines[0]);
        var end = start + step;
        var current = new List<string>();
        foreach (var line in lines)
        {
            while (Time(line) >= end)
            {
                slices.Add(Write(folder, slices.Count, end, current));
                current.Clear();
                end += step;
            }
            current.Add(line);
        }
        slices.Add(Write(folder, slices.Count, end, current));
        return slices;
    }

    private static (DateTimeOffset, string) Write(string folder, int index, DateTimeOffset end, List<string> lines)
    {
        var path = System.IO.Path.Combine(folder, $"slice-{index:D4}.log");
        File.WriteAllLines(path, lines);
        return (end, path);
    }

    private static DateTimeOffset Time(string line) =>
        DateTimeOffset.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
