using DeliverabilityBot.Conversation.Answers;
using DeliverabilityBot.Conversation.Answers.Blocks;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Chooses the Teams form of an answer: findings, tables, drafts, charts and evidence get an Adaptive Card with the headline
/// as text; everything else (help, short answers) is a Markdown text message.
/// </summary>
public static class TeamsMessageRenderer
{
    /// <summary>The Teams reply for an answer.</summary>
    public static TeamsMessage Render(Answer answer) =>
        answer.Blocks.Any(b => b is FindingsBlock or TableBlock or DraftBlock or ChartBlock or FileBlock or EvidenceBlock)
            ? new TeamsMessage(TeamsText.Escape(answer.Headline, 500), TeamsAdaptiveCardRenderer.Render(answer))
            : new TeamsMessage(TeamsMarkdownRenderer.Render(answer), null);
}
