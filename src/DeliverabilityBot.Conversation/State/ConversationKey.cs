using DeliverabilityBot.Conversation.Answers;

namespace DeliverabilityBot.Conversation.State;

/// <summary>Identifies one conversation's context: channel, conversation and, where the channel has them, thread.</summary>
public sealed record ConversationKey(string Channel, string ConversationId, string? ThreadId)
{
    /// <summary>The key of a turn.</summary>
    public static ConversationKey Of(ChatTurn turn) => new(turn.Channel, turn.ConversationId, turn.ThreadId);

    /// <summary>A stable single-string form, used as the storage key.</summary>
    public override string ToString() => ThreadId is null ? $"{Channel}|{ConversationId}" : $"{Channel}|{ConversationId}|{ThreadId}";
}
