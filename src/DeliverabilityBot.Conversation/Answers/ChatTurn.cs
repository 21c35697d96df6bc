namespace DeliverabilityBot.Conversation.Answers;

/// <summary>One message from a person to the bot, already stripped of channel envelopes.</summary>
/// <param name="Channel">The channel id: <c>web</c>, <c>cli</c>, <c>msteams</c>, <c>slack</c>.</param>
/// <param name="ConversationId">The channel's conversation id (chat, DM, channel).</param>
/// <param name="ThreadId">The thread within the conversation, when the channel has threads.</param>
/// <param name="UserId">Who wrote it.</param>
/// <param name="Text">What they wrote; may still contain channel markup (mentions, code fences).</param>
public sealed record ChatTurn(string Channel, string ConversationId, string? ThreadId, string UserId, string Text);
