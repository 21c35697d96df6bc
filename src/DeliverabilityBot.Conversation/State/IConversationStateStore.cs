namespace DeliverabilityBot.Conversation.State;

/// <summary>Keeps conversation state between turns (and, for durable stores, across restarts). Thread-safe.</summary>
public interface IConversationStateStore
{
    /// <summary>The state saved for <paramref name="key"/>, or null.</summary>
    Task<ConversationState?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default);

    /// <summary>Saves (replaces) the state for <paramref name="key"/>.</summary>
    Task SaveAsync(ConversationKey key, ConversationState state, CancellationToken cancellationToken = default);

    /// <summary>Forgets every state last updated before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
