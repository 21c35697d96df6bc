namespace DeliverabilityBot.Conversation.Answers;

/// <summary>The conversation core as channels see it: a turn in, an answer out. Thread-safe.</summary>
public interface IChatBot
{
    /// <summary>Answers one turn, using and updating the conversation's state.</summary>
    Task<ChatReply> AnswerAsync(ChatTurn turn, CancellationToken cancellationToken = default);
}

/// <summary>The answer and what the bot understood.</summary>
/// <param name="Intent">The intent recognised.</param>
/// <param name="Entities">Entities recognised, keyed <c>receiver</c>, <c>code</c>, <c>status</c>, <c>bracketCode</c>, <c>ip</c>, <c>domain</c>, <c>since</c>.</param>
/// <param name="Answer">The answer to render.</param>
public sealed record ChatReply(string Intent, IReadOnlyDictionary<string, string> Entities, Answer Answer);
