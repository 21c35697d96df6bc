using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Conversation.Rendering;

/// <summary>Turns an <see cref="Answer"/> into one channel's format. Renderers escape every text they emit.</summary>
public interface IAnswerRenderer
{
    /// <summary>The format name, e.g. <c>text</c>, <c>html</c>.</summary>
    string Format { get; }

    /// <summary>Renders the answer.</summary>
    string Render(Answer answer);
}
