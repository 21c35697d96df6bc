using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Writing;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// The history in a PostgreSQL database shared by several dbot instances: the same tables and answers as the embedded
/// SQLite store, attempts partitioned by UTC day. Writers (any instance, any process) take turns on an advisory lock.
/// </summary>
public sealed class PostgresHistoryStore : IHistoryStore
{
    // Any fixed number, distinct from the migration lock.
    internal const long WriterLockKey = 0x64626F74_00000002;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly DimensionNames _names;

    /// <summary>The history in <paramref name="database"/>.</summary>
    public PostgresHistoryStore(PostgresDatabase database, StoreOptions options)
    {
        Database = database;
        Options = options;
        _names = new DimensionNames(database.OpenConnection);
    }

    /// <summary>The database.</summary>
    public PostgresDatabase Database { get; }

    /// <inheritdoc />
    public StoreOptions Options { get; }

    /// <inheritdoc />
    public string Location => Database.Location;

    /// <inheritdoc />
    public Store.Webhooks.IWebhookSpool WebhookSpool => new Webhooks.PostgresWebhookSpool(Database);

    /// <inheritdoc />
    public IHistoryReader Reader => new StoreReader(Database.OpenConnection, _names, ReaderDialect.Postgres);

    /// <inheritdoc />
    public Incidents.IIncidentStore Incidents => new PostgresIncidentStore(Database);

    /// <inheritdoc />
    public ISourcePositionStore Positions => new PostgresSourcePositions(Database);

    /// <inheritdoc />
    public IHistoryWriter CreateWriter(Action<string>? waiting = null, CancellationToken cancellationToken = default)
    {
        var c = Database.OpenConnection();
        try
        {
            var told = false;
            while (!TryLock(c))
            {
                if (!told)
                {
                    waiting?.Invoke($"{Location}: another dbot is writing to this database; waiting for it to finish (Ctrl+C to stop)");
                    told = true;
                }
                cancellationToken.WaitHandle.WaitOne(Poll);
                cancellationToken.ThrowIfCancellationRequested();
            }
            return new PostgresHistoryWriter(c, Options.BatchSize);
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    // A session lock: released when the writer's connection closes, whatever happens to the process.
    private static bool TryLock(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_lock({WriterLockKey});", c);
        return (bool)cmd.ExecuteScalar()!;
    }
}
