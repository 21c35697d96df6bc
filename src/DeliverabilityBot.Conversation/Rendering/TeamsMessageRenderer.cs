using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>
/// Chooses the Teams form of an answer: diagnoses and findings get an Adaptive Card with the headline
/// as text; everything else (help, short answers) is a Markdown text message.
/// </summary>
public static class TeamsMessageRenderer
{
    /// <summary>The Teams reply for an answer.</summary>
    public static TeamsMessage Render(Answer answer) =>
        answer.Items.Count > 0
            ? new TeamsMessage(TeamsText.Escape(answer.Headline, 500), TeamsAdaptiveCardRenderer.Render(answer))
            : new TeamsMessage(TeamsMarkdownRenderer.Render(answer), null);
}
