using DeliverabilityBot.Conversation.State;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Conversation.Tests.State;

public sealed class SqliteConversationStateStoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dbot-state-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private static readonly ConversationKey Key = new("slack", "C1", "1700000000.000100");

    [Fact]
    public async Task SaveAsync_ThenGetFromANewInstance_ReturnsTheState()
    {
        var state = new ConversationState { Intent = "why", Receiver = "icloud", Range = "since monday", RuleId = "ICL1001", Evidence = "421 4.7.0", SubjectIsEvidence = true, Turns = 3, UpdatedAt = DateTimeOffset.UnixEpoch.AddDays(20000) };
        await SqliteConversationStateStore.InFolder(_dir.FullName).SaveAsync(Key, state);
        Assert.Equal(state, await SqliteConversationStateStore.InFolder(_dir.FullName).GetAsync(Key));
    }

    [Fact]
    public async Task GetAsync_UnknownKey_ReturnsNull()
    {
        Assert.Null(await SqliteConversationStateStore.InFolder(_dir.FullName).GetAsync(Key));
    }

    [Fact]
    public async Task PurgeAsync_RemovesOnlyOlderStates()
    {
        var store = SqliteConversationStateStore.InFolder(_dir.FullName);
        var t = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
        await store.SaveAsync(Key, new ConversationState { UpdatedAt = t.AddHours(-2) });
        await store.SaveAsync(Key with { ThreadId = null }, new ConversationState { UpdatedAt = t });
        Assert.Equal(1, await store.PurgeAsync(t.AddHours(-1)));
        Assert.Null(await store.GetAsync(Key));
        Assert.NotNull(await store.GetAsync(Key with { ThreadId = null }));
    }

    [Fact]
    public async Task Open_NewerSchema_FailsNamingTheFile()
    {
        var path = Path.Combine(_dir.FullName, SqliteConversationStateStore.FileName);
        await using (var c = new SqliteConnection($"Data Source={path}"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99";
            await cmd.ExecuteNonQueryAsync();
        }
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteConversationStateStore(path).GetAsync(Key));
        Assert.Contains("conversations.db", ex.Message);
        Assert.Contains("99", ex.Message);
    }
}
