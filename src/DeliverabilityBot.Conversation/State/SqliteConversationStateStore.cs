using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Conversation.State;

/// <summary>
/// Conversation state in a small SQLite file of its own (<c>conversations.db</c>) beside the history store, so a
/// restart does not forget an ongoing conversation. Schema versioned with <c>PRAGMA user_version</c>.
/// </summary>
public sealed class SqliteConversationStateStore : IConversationStateStore
{
    /// <summary>The file name used inside a data folder.</summary>
    public const string FileName = "conversations.db";

    private const int SchemaVersion = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _connectionString;
    private readonly Lazy<Task> _migrated;

    /// <summary>Opens (creating when needed) the database at <paramref name="path"/>.</summary>
    public SqliteConversationStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
        _migrated = new Lazy<Task>(MigrateAsync);
    }

    /// <summary>A store in <paramref name="dataFolder"/> (the history store's data folder).</summary>
    public static SqliteConversationStateStore InFolder(string dataFolder) => new(Path.Combine(dataFolder, FileName));

    /// <inheritdoc />
    public async Task<ConversationState?> GetAsync(ConversationKey key, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT state FROM conversation_state WHERE key = $key";
        cmd.Parameters.AddWithValue("$key", key.ToString());
        var json = await cmd.ExecuteScalarAsync(cancellationToken) as string;
        if (json is null) return null;
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
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO conversation_state (key, state, updated_at) VALUES ($key, $state, $updated)
            ON CONFLICT(key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """;
        cmd.Parameters.AddWithValue("$key", key.ToString());
        cmd.Parameters.AddWithValue("$state", JsonSerializer.Serialize(state, Json));
        cmd.Parameters.AddWithValue("$updated", state.UpdatedAt.ToUnixTimeMilliseconds());
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM conversation_state WHERE updated_at < $cutoff";
        cmd.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _migrated.Value.WaitAsync(cancellationToken);
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        return c;
    }

    private async Task MigrateAsync()
    {
        await using var c = new SqliteConnection(_connectionString);
        await c.OpenAsync();
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync();
        await using var version = c.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var current = Convert.ToInt32(await version.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        if (current > SchemaVersion)
            throw new InvalidOperationException($"{c.DataSource}: conversation schema version {current} is newer than this build ({SchemaVersion}).");
        if (current < 1)
        {
            await using var create = c.CreateCommand();
            create.CommandText = $"""
                CREATE TABLE IF NOT EXISTS conversation_state (
                    key TEXT PRIMARY KEY NOT NULL,
                    state TEXT NOT NULL,
                    updated_at INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS ix_conversation_state_updated ON conversation_state (updated_at);
                PRAGMA user_version = {SchemaVersion};
                """;
            await create.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await using var wal = c.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL";
        await wal.ExecuteNonQueryAsync();
    }
}
