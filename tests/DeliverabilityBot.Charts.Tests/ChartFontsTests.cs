using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Charts.Tests;

public class ChartFontsTests
{
    [Fact]
    public void Find_ConfiguredFileMissing_ThrowsNamingTheVariableAndPath()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".ttf");
        var ex = Assert.Throws<ChartRenderingException>(() => ChartFonts.Find(missing));
        Assert.Contains(ChartFonts.Variable, ex.Message, StringComparison.Ordinal);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ConfiguredFileExists_ReturnsIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal(file, ChartFonts.Find(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void RenderPng_FontFileMissing_ChartRenderingExceptionSaysWhatToInstall()
    {
        var renderer = new ScottPlotChartRenderer(Path.Combine(Path.GetTempPath(), "no-such-font.ttf"));
        // A renderer whose font was already registered by another test keeps it; this one asks for its own file first.
        var ex = Assert.Throws<ChartRenderingException>(() => renderer.RenderPng(SampleCharts.DayChart(), ChartImageSize.Compact));
        Assert.Contains("no-such-font.ttf", ex.Message, StringComparison.Ordinal);
    }
}
