using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Schema;

public sealed class StoreOpeningTests
{
    [Fact]
    public void Open_NewFolder_CreatesDatabaseAtLatestVersion()
    {
        using var t = new TempStore();
        Assert.True(File.Exists(t.Store.Options.DatabasePath));
        using var c = new SqliteConnection($"Data Source={t.Store.Options.DatabasePath}");
        c.Open();
        Assert.Equal(Migrations.Latest, Migrator.CurrentVersion(c));
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", cmd.ExecuteScalar());
        cmd.CommandText = "PRAGMA page_size;";
        Assert.Equal((long)DeliverabilityStore.PageSize, cmd.ExecuteScalar());
    }

    [Fact]
    public void Open_DatabaseFromNewerBuild_FailsNamingTheFile()
    {
        using var t = new TempStore();
        using (var c = new SqliteConnection($"Data Source={t.Store.Options.DatabasePath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version = {Migrations.Latest + 1};";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var ex = Assert.Throws<StoreException>(() => DeliverabilityStore.Open(new StoreOptions { DataDirectory = t.Folder }));
        Assert.Contains(t.Store.Options.DatabasePath, ex.Message);
        Assert.Contains("newer", ex.Message);
    }

    [Fact]
    public void Open_ReopenExisting_KeepsData()
    {
        using var t = new TempStore();
        using (var w = t.Store.CreateWriter()) w.Add(TempStore.Event(1));
        var again = DeliverabilityStore.Open(new StoreOptions { DataDirectory = t.Folder });
        Assert.Equal(1, again.Reader.EventCount());
    }

    [Fact]
    public void Resolve_ExplicitBeatsEnvironment()
    {
        var explicitDir = Path.Combine(Path.GetTempPath(), "dbot-explicit");
        Assert.Equal(Path.GetFullPath(explicitDir), DataFolder.Resolve(explicitDir));
        Assert.False(string.IsNullOrWhiteSpace(DataFolder.DefaultFolder()));
    }
}
