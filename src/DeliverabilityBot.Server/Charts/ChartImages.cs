using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Conversation.Rendering;

namespace DeliverabilityBot.Server.Charts;

/// <summary>
/// Draws the charts of answers for the channels that show images (Teams inline, Slack as a file, the web chat from its
/// endpoint). A chart that cannot be drawn (no font, no native library) is logged once and left to its alt text, which
/// states the same figures: an answer is never lost for want of a picture.
/// </summary>
public sealed class ChartImages(IChartImageRenderer renderer, ILogger<ChartImages> logger)
{
    private int _warned;

    /// <summary>The PNG of <paramref name="chart"/>, or null when it cannot be drawn here.</summary>
    public byte[]? TryRender(ChartBlock chart, ChartImageSize size)
    {
        try
        {
            return renderer.RenderPng(chart, size);
        }
        catch (ChartRenderingException ex)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0) logger.LogWarning("Charts are sent as text only: {Reason}", ex.Message);
            else logger.LogDebug("Chart not drawn: {Reason}", ex.Message);
            return null;
        }
    }

    /// <summary>The answer with every chart's <see cref="ChartBlock.Png"/> drawn at <paramref name="size"/> (where it can be).</summary>
    public Answer WithPngs(Answer answer, ChartImageSize size) =>
        !answer.BlocksOf<ChartBlock>().Any() ? answer
        : answer.MapBlocks(b => b is ChartBlock c && TryRender(c, size) is { } png ? c with { Png = png } : b);
}
