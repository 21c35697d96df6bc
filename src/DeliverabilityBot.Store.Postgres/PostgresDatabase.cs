using DeliverabilityBot.Store.Postgres.Schema;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres;

/// <summary>
/// One PostgreSQL database shared by every dbot instance that names it: the history, conversation state and channel
/// delivery keys. Opening it migrates the schema (instances starting together take turns on an advisory lock).
/// Thread-safe; dispose it to close its connection pool.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private PostgresDatabase(NpgsqlDataSource source, string location)
    {
        Source = source;
        Location = location;
    }

    /// <summary>The pooled connections.</summary>
    public NpgsqlDataSource Source { get; }

    /// <summary>Where the database is, for messages (never a password).</summary>
    public string Location { get; }

    /// <summary>Connects to the database the connection string names and brings its schema up to date.</summary>
    /// <exception cref="StoreException">The string cannot be read, the server cannot be reached, or the schema is newer than this build.</exception>
    public static PostgresDatabase Open(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        var location = PostgresConnectionString.Describe(builder);
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            using var c = source.OpenConnection();
            PostgresMigrator.Migrate(c, location);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException or InvalidOperationException or TimeoutException)
        {
            source.Dispose();
            throw new StoreException($"{location}: cannot open the history database: {ex.Message}", ex);
        }
        catch
        {
            source.Dispose();
            throw;
        }
        return new PostgresDatabase(source, location);
    }

    /// <summary>A pooled connection, open.</summary>
    public NpgsqlConnection OpenConnection() => Source.OpenConnection();

    /// <inheritdoc />
    public void Dispose() => Source.Dispose();
}
