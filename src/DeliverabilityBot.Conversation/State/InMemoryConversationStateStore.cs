using System.Collections.Concurrent;

namespace DeliverabilityBot.Conversation.State;

/// <summary>Conversation state in memory: for tests and one-shot use (<c>dbot ask</c> without a data folder).</summary>
public sealed class InMemoryConversationStateStore : IConversationStateStore
{
    private readonly ConcurrentDictionary<string, ConversationState> _states = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ConversationState?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.TryGetValue(key.ToString(), out var s) ? s : null);

    /// <inheritdoc />
    public Task SaveAsync(ConversationKey key, ConversationState state, CancellationToken cancellationToken = default)
    {
        _states[key.ToString()] = state;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var n = 0;
        foreach (var (k, s) in _states)
            if (s.UpdatedAt < cutoff && _states.TryRemove(k, out _)) n++;
        return Task.FromResult(n);
    }
}
