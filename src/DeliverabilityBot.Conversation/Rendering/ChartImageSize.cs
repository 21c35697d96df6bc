namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>The size of a chart image in pixels, and whether its colours may be reduced to keep the file small.</summary>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="FewerColours">Round colours to 16 levels a channel (antialiased edges get coarser, the file a third smaller).</param>
public sealed record ChartImageSize(int Width, int Height, bool FewerColours = false)
{
    /// <summary>For the web chat and files (CLI, Slack): 960 x 600.</summary>
    public static ChartImageSize Standard { get; } = new(960, 600);

    /// <summary>For inline images in a Teams card, small enough for a data: URL within the card's budget: 640 x 400.</summary>
    public static ChartImageSize Compact { get; } = new(640, 400, FewerColours: true);
}
