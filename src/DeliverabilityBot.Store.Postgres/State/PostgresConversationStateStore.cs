using System.Text.Json;
using DeliverabilityBot.Conversation.State;

namespace DeliverabilityBot.Store.Postgres.State;

/// <summary>Conversation state in the shared database, so a follow-up question may reach any instance.</summary>
public sealed class PostgresConversationStateStore(PostgresDatabase database) : IConversationStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<ConversationState?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default)
    {
        await using var cmd = database.Source.CreateCommand("SELECT state FROM conversation_state WHERE key = $1;");
        cmd.Parameters.AddWithValue(key.ToString());
        if (await cmd.ExecuteScalarAsync(cancellationToken) is not string json) return null;
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(json, Json);
        }
        catch (JsonException)
        {
            return null; // a damaged row only loses that conversation's context
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(ConversationKey key, ConversationState state, CancellationToken cancellationToken = default)
    {
        await using var cmd = database.Source.CreateCommand("""
            INSERT INTO conversation_state(key, state, updated_at) VALUES ($1, $2, $3)
            ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at;
            """);
        cmd.Parameters.AddWithValue(key.ToString());
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(state, Json));
        cmd.Parameters.AddWithValue(state.UpdatedAt.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var cmd = database.Source.CreateCommand("DELETE FROM conversation_state WHERE updated_at < $1;");
        cmd.Parameters.AddWithValue(cutoff.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
