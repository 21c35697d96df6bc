namespace DeliverabilityBot.Server.Chat;

/// <summary>The body of <c>POST /api/chat</c>.</summary>
/// <param name="ConversationId">Keeps follow-ups together; the server issues one when absent.</param>
/// <param name="Text">What the person typed or pasted.</param>
public sealed record ChatRequest(string? ConversationId, string? Text);
