using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Server.Chat;

/// <summary>The body <c>POST /api/chat</c> returns: what was understood, the answer model and its renderings.</summary>
/// <param name="ConversationId">The conversation id to send with the next turn.</param>
/// <param name="Intent">The intent answered.</param>
/// <param name="Entities">The entities in effect (the message's own completed from the conversation).</param>
/// <param name="Answer">The answer model.</param>
/// <param name="Text">The answer as plain text.</param>
/// <param name="Html">The answer as an escaped HTML fragment.</param>
public sealed record ChatResponse(
    string ConversationId,
    string Intent,
    IReadOnlyDictionary<string, string> Entities,
    Answer Answer,
    string Text,
    string Html);
