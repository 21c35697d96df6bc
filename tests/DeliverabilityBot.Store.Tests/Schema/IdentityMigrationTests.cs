using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Schema;
using DeliverabilityBot.Store.Writing;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Schema;

/// <summary>Migration 2 records the identity scheme: a store written by schema 1 keeps SHA-256 and stays idempotent.</summary>
public sealed class IdentityMigrationTests
{
    [Fact]
    public void Open_NewStore_UsesXxHash3()
    {
        using var t = new TempStore();
        using var c = Connect(t.Store.Options.DatabasePath);
        Assert.Equal(IdentityScheme.XxHash3, StoreMeta.Identity(c));
    }

    [Fact]
    public void Open_Schema1StoreWithEvents_KeepsSha256AndStaysIdempotent()
    {
        var e = TempStore.Event(3);
        using var t = TempFolderWithSchema1(db =>
        {
            Sql(db, $"""
                INSERT INTO events(hash, ts, action, stage, kind, recipient, recipient_domain_id, receiver_id, reason_id, category_id,
                    filter_id, ruleset_id, remote_host_id, remote_ip_id, sending_ip_id, sender_domain_id, source_id, hard_bounce, retryable)
                VALUES ({ContentHash.Of(e)}, {e.Timestamp.ToUnixTimeSeconds()}, {(int)e.Action}, 0, 0, '{e.Recipient}', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                """);
        });
        var store = DeliverabilityStore.Open(new StoreOptions { DataDirectory = t.Folder });
        using (var c = Connect(store.DatabasePath))
        {
            Assert.Equal(Migrations.Latest, Migrator.CurrentVersion(c));
            using var page = c.CreateCommand();
            page.CommandText = "PRAGMA page_size;";
            Assert.Equal(4096L, page.ExecuteScalar()); // an existing file keeps its page size
            Assert.Equal(IdentityScheme.Sha256, StoreMeta.Identity(c));
        }
        using (var w = store.CreateWriter())
        {
            w.Add(e);
            w.Add(TempStore.Event(4));
            w.Flush();
            Assert.Equal(1, w.Total.Stored);
        }
        Assert.Equal(2, store.Reader.EventCount());
        using var check = Connect(store.DatabasePath);
        using var cmd = check.CreateCommand();
        cmd.CommandText = "SELECT hash FROM events ORDER BY id DESC LIMIT 1;";
        Assert.Equal(ContentHash.Of(TempStore.Event(4)), (long)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void Open_EmptySchema1Store_TakesXxHash3()
    {
        using var t = TempFolderWithSchema1(_ => { });
        var store = DeliverabilityStore.Open(new StoreOptions { DataDirectory = t.Folder });
        using var c = Connect(store.DatabasePath);
        Assert.Equal(IdentityScheme.XxHash3, StoreMeta.Identity(c));
    }

    [Fact]
    public void Write_NewStore_StoresXxHash3IdentityAndMessageKey()
    {
        using var t = new TempStore();
        var e = TempStore.Event(7, DeliveryAction.Delayed, messageId: "Q7");
        using (var w = t.Store.CreateWriter()) w.Add(e);
        var identity = EventIdentity.For(IdentityScheme.XxHash3);
        using var c = Connect(t.Store.Options.DatabasePath);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT hash, message_key FROM events;";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(identity.Of(e), r.GetInt64(0));
        Assert.Equal(identity.OfText("Q7"), r.GetInt64(1));
        Assert.NotEqual(ContentHash.Of(e), r.GetInt64(0));
    }

    [Fact]
    public void Open_UnknownIdentityScheme_FailsNamingTheScheme()
    {
        using var t = new TempStore();
        using (var c = Connect(t.Store.Options.DatabasePath)) Sql(c, "UPDATE meta SET value = 'md5' WHERE key = 'identity';");
        var ex = Assert.Throws<StoreException>(() => t.Store.CreateWriter());
        Assert.Contains("md5", ex.Message);
    }

    private static SqliteConnection Connect(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        return c;
    }

    private static void Sql(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // A data folder whose database was written by a build that knew only schema version 1.
    private static TempFolder TempFolderWithSchema1(Action<SqliteConnection> fill)
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(folder.Folder);
        using var c = Connect(Path.Combine(folder.Folder, StoreOptions.DatabaseFileName));
        Sql(c, "PRAGMA journal_mode = WAL;");
        Sql(c, Migrations.All[0] + "\nPRAGMA user_version = 1;");
        fill(c);
        return folder;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "dbot-store-tests", Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }
}
