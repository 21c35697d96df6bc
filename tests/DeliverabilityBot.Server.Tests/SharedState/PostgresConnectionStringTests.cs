using DeliverabilityBot.Application;
using DeliverabilityBot.Store;
using DeliverabilityBot.Store.Postgres;

namespace DeliverabilityBot.Server.Tests.SharedState;

/// <summary>The store connection strings dbot reads: URLs as platforms hand them out, Npgsql's form, and what is refused.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Parse_UrlWithEscapedPasswordAndQuery_NpgsqlSettings()
    {
        var b = PostgresConnectionString.Parse("postgres://dbot:s%40cr%3At@db.internal:6543/history?sslmode=require&Timeout=5");

        Assert.Equal(("db.internal", 6543, "history", "dbot", "s@cr:t"), (b.Host, b.Port, b.Database, b.Username, b.Password));
        Assert.Equal(Npgsql.SslMode.Require, b.SslMode);
        Assert.Equal(5, b.Timeout);
        Assert.Equal("postgres://db.internal:6543/history", PostgresConnectionString.Describe(b));
    }

    [Fact]
    public void Parse_NpgsqlForm_Kept()
    {
        var b = PostgresConnectionString.Parse("Host=/run/postgresql;Database=dbot;Username=bot");

        Assert.Equal(("/run/postgresql", "dbot", "bot"), (b.Host, b.Database, b.Username));
    }

    [Theory]
    [InlineData("mysql://u:p@h/db")]
    [InlineData("Data Source=dbot.db")]
    public void Open_ConnectionStringOfAnotherDatabase_RefusedWithWhatToGive(string value)
    {
        var ex = Assert.Throws<StoreException>(() => HistoryStores.Open(new StoreOptions { DataDirectory = Path.GetTempPath(), ConnectionString = value }));

        Assert.Contains("postgres://", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal); // it may hold a password
    }

    [Fact]
    public void Open_UnreachableServer_StoreExceptionWithoutThePassword()
    {
        var ex = Assert.Throws<StoreException>(() => PostgresDatabase.Open("postgres://dbot:hunter2@127.0.0.1:1/dbot?Timeout=2"));

        Assert.Contains("postgres://127.0.0.1:1/dbot", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }
}
