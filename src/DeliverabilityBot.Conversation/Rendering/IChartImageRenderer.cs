using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Draws a <see cref="ChartBlock"/> as a PNG. Implemented outside the conversation core (DeliverabilityBot.Charts), so
/// only the hosts that show images (server, CLI) load a graphics library; channels without one use the alt text.
/// </summary>
public interface IChartImageRenderer
{
    /// <summary>The PNG of <paramref name="chart"/> at <paramref name="size"/>.</summary>
    /// <exception cref="ChartRenderingException">The image could not be drawn (no usable font, native library missing).</exception>
    byte[] RenderPng(ChartBlock chart, ChartImageSize size);
}
