namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>Block Kit limits (docs.slack.dev/reference/block-kit/blocks).</summary>
public static class SlackLimits
{
    /// <summary>Blocks per message.</summary>
    public const int Blocks = 50;

    /// <summary>Characters in a section's text.</summary>
    public const int SectionText = 3000;

    /// <summary>Fields per section.</summary>
    public const int Fields = 10;

    /// <summary>Characters per section field.</summary>
    public const int FieldText = 2000;

    /// <summary>Elements per context block.</summary>
    public const int ContextElements = 10;

    /// <summary>Characters in a button label.</summary>
    public const int ButtonText = 75;

    /// <summary>Length kept for the fallback text (Slack's recommended maximum is about 4,000).</summary>
    public const int FallbackText = 3000;
}
