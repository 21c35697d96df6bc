using DeliverabilityBot.Conversation.State;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Postgres;
using DeliverabilityBot.Store.Postgres.State;

namespace DeliverabilityBot.Server.Tests.SharedState;

/// <summary>Conversation state in PostgreSQL: what one instance saved, another reads.</summary>
public sealed class PostgresConversationStateTests
{
    private static readonly ConversationKey Key = new("slack", "T1|C1", "1764309600.000100");

    [SkippableFact]
    public async Task SaveAsync_OnOneInstance_GetAsyncOnAnotherReadsIt()
    {
        var cs = PostgresServer.RequireDatabase();
        using var one = PostgresDatabase.Open(cs);
        using var two = PostgresDatabase.Open(cs);
        var state = new ConversationState { Receiver = "icloud", UpdatedAt = DateTimeOffset.FromUnixTimeSeconds(1_764_309_600) };

        await new PostgresConversationStateStore(one).SaveAsync(Key, state);

        Assert.Equal(state, await new PostgresConversationStateStore(two).GetAsync(Key));
    }

    [SkippableFact]
    public async Task PurgeAsync_OlderThanTheCutoff_Forgotten()
    {
        using var db = PostgresDatabase.Open(PostgresServer.RequireDatabase());
        var store = new PostgresConversationStateStore(db);
        var t = DateTimeOffset.FromUnixTimeSeconds(1_764_309_600);
        await store.SaveAsync(Key, new ConversationState { UpdatedAt = t });

        Assert.Equal(0, await store.PurgeAsync(t));
        Assert.Equal(1, await store.PurgeAsync(t.AddSeconds(1)));
        Assert.Null(await store.GetAsync(Key));
    }

    [SkippableFact]
    public void Open_SchemaNewerThanThisBuild_RefusedWithTheVersions()
    {
        var cs = PostgresServer.RequireDatabase();
        using (var db = PostgresDatabase.Open(cs))
        using (var cmd = db.Source.CreateCommand("UPDATE dbot_schema SET version = 99;"))
            cmd.ExecuteNonQuery();

        var ex = Assert.Throws<StoreException>(() => PostgresDatabase.Open(cs));
        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
    }
}
