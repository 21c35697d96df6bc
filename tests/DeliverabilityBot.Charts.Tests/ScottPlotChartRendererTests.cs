using DeliverabilityBot.Conversation.Rendering;
using SkiaSharp;

namespace DeliverabilityBot.Charts.Tests;

/// <summary>
/// The PNG itself, decoded and inspected: its size, the series' colours where the chart model puts them, the title's
/// text drawn, and what fits Teams' inline budget.
/// </summary>
public class ScottPlotChartRendererTests
{
    private static readonly ScottPlotChartRenderer Renderer = new();

    private static SKBitmap Decode(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        return SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a decodable PNG");
    }

    // Pixels close to a colour (antialiasing blends edges), in a band of rows.
    private static int Count(SKBitmap bitmap, string hex, int fromRow = 0, int toRow = int.MaxValue, int tolerance = 24, int fromColumn = 0, int toColumn = int.MaxValue)
    {
        var target = SKColor.Parse(hex);
        var n = 0;
        for (var y = Math.Max(0, fromRow); y < Math.Min(bitmap.Height, toRow); y++)
            for (var x = Math.Max(0, fromColumn); x < Math.Min(bitmap.Width, toColumn); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - target.Red) <= tolerance && Math.Abs(c.Green - target.Green) <= tolerance && Math.Abs(c.Blue - target.Blue) <= tolerance) n++;
            }
        return n;
    }

    [Fact]
    public void RenderPng_DayChart_StandardSizeWithEachSeriesColourInItsPanel()
    {
        using var bitmap = Decode(Renderer.RenderPng(SampleCharts.DayChart(), ChartImageSize.Standard));

        Assert.Equal((960, 600), (bitmap.Width, bitmap.Height));
        // Attempts (blue) and messages (vermillion) lines in the two rate panels, volume bars (grey) at the bottom.
        Assert.True(Count(bitmap, "#0072B2") > 300, "attempt lines (blue) are drawn");
        Assert.True(Count(bitmap, "#D55E00") > 150, "message lines (vermillion, dashed) are drawn");
        Assert.True(Count(bitmap, "#9E9E9E", fromRow: 420) > 2_000, "the volume bars (grey) are in the bottom panel");
        Assert.True(Count(bitmap, "#9E9E9E", fromRow: 60, toRow: 380, fromColumn: 90) < Count(bitmap, "#9E9E9E", fromRow: 440) / 20, "no volume bars in the rate panels");
    }

    [Fact]
    public void RenderPng_WithTitle_TitleDrawnAboveThePanels()
    {
        var chart = SampleCharts.DayChart();
        using var titled = Decode(Renderer.RenderPng(chart, ChartImageSize.Standard));

        // Dark text pixels across the top strip: the font was found and used for the title.
        Assert.True(Count(titled, "#000000", toRow: 32, tolerance: 100, fromColumn: 400) > 150, "the title's text reaches across the top");
    }

    [Fact]
    public void RenderPng_AxisText_TickAndAxisLabelsDrawn()
    {
        using var bitmap = Decode(Renderer.RenderPng(SampleCharts.DayChart(), ChartImageSize.Standard));

        // Left of the plots: the y tick labels (0 ... 100) and the panel titles; below: the UTC times.
        Assert.True(Count(bitmap, "#000000", fromRow: 45, toRow: 540, tolerance: 100, toColumn: 72) > 400, "y-axis labels are drawn");
        Assert.True(Count(bitmap, "#000000", fromRow: 552, tolerance: 100, fromColumn: 80) > 300, "time labels are drawn");
    }

    [Fact]
    public void RenderPng_WeekByIp_OneColourPerIp()
    {
        using var bitmap = Decode(Renderer.RenderPng(SampleCharts.WeekByIpChart(), ChartImageSize.Standard));

        Assert.True(Count(bitmap, "#0072B2") > 200, "first IP (blue)");
        Assert.True(Count(bitmap, "#D55E00") > 200, "second IP (vermillion)");
        Assert.True(Count(bitmap, "#009E73") > 200, "third IP (bluish green)");
    }

    [Fact]
    public void RenderPng_CompactDayAndWeek_FitTeamsInlineBudget()
    {
        foreach (var chart in new[] { SampleCharts.DayChart(), SampleCharts.WeekByIpChart() })
        {
            var png = Renderer.RenderPng(chart, ChartImageSize.Compact);
            Assert.InRange(png.Length, 1_000, TeamsAdaptiveCardRenderer.MaxChartBytes);
        }
    }

    [Fact]
    public void RenderPng_SeriesWithoutAnyValue_DrawsAxesWithoutFailing()
    {
        var chart = SampleCharts.DayChart();
        var blank = chart with { Series = [.. chart.Series.Select(s => s with { Points = [.. s.Points.Select(p => p with { Value = null })] })] };

        using var bitmap = Decode(Renderer.RenderPng(blank, ChartImageSize.Compact));
        Assert.Equal(640, bitmap.Width);
        Assert.True(Count(bitmap, "#0072B2") < 20);
    }

    [Theory]
    [InlineData(100, 600)]
    [InlineData(960, 100)]
    [InlineData(5000, 600)]
    public void RenderPng_SizeOutOfRange_ThrowsNamingTheSize(int width, int height)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Renderer.RenderPng(SampleCharts.DayChart(), new ChartImageSize(width, height)));
        Assert.Contains($"{width}x{height}", ex.Message, StringComparison.Ordinal);
    }
}
