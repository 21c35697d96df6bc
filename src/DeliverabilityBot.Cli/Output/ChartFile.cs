using DeliverabilityBot.Charts;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Cli.Output;

/// <summary><c>--chart FILE</c>: draws a chart block as a PNG file and says what it shows.</summary>
internal static class ChartFile
{
    /// <summary>Checks the option's value before any work: a path ending in <c>.png</c>; null when fine, else the problem.</summary>
    public static string? Problem(string? path) =>
        path is null ? null
        : string.IsNullOrWhiteSpace(path) ? "--chart needs a file name, e.g. --chart icloud.png"
        : !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? $"--chart writes a PNG image: give a file name ending in .png (not {path})"
        : null;

    /// <summary>
    /// Draws <paramref name="chart"/> into <paramref name="path"/> (written whole or not at all) and prints where and what;
    /// returns 0, or 1 with the reason on <paramref name="error"/>.
    /// </summary>
    public static int Write(ChartBlock chart, string path, TextWriter output, TextWriter error, IChartImageRenderer? renderer = null)
    {
        byte[] png;
        try
        {
            png = (renderer ?? new ScottPlotChartRenderer()).RenderPng(chart, ChartImageSize.Standard);
        }
        catch (ChartRenderingException ex)
        {
            error.WriteLine($"dbot: could not draw the chart: {ex.Message}");
            return 1;
        }

        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.WriteAllBytes(temp, png);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            error.WriteLine($"dbot: could not write the chart to {path}: {ex.Message}");
            return 1;
        }

        output.WriteLine();
        output.WriteLine($"Chart written to {path} ({ChartImageSize.Standard.Width}x{ChartImageSize.Standard.Height} PNG, {png.Length:N0} bytes).");
        output.WriteLine(chart.AltText);
        return 0;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
