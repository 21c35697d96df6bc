using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Schema;
using DeliverabilityBot.Store.Writing;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store;

/// <summary>
/// The embedded SQLite history: opens (and on first use creates and migrates) the database file in the data
/// folder. Thread-safe: every reader or writer gets its own pooled connection.
/// </summary>
public sealed class DeliverabilityStore : IHistoryStore
{
    private readonly string _connectionString;
    private readonly DimensionNames _names;
    private readonly Lazy<Webhooks.SqliteWebhookSpool> _spool;

    private DeliverabilityStore(StoreOptions options, string connectionString)
    {
        Options = options;
        _connectionString = connectionString;
        _names = new DimensionNames(OpenConnection);
        _spool = new Lazy<Webhooks.SqliteWebhookSpool>(() => Webhooks.SqliteWebhookSpool.Open(options.DataDirectory), LazyThreadSafetyMode.PublicationOnly); // a failure is not cached: the next use tries again
    }

    /// <summary>The page size of a new database file.</summary>
    public const int PageSize = 16_384;

    /// <summary>The options the store was opened with.</summary>
    public StoreOptions Options { get; }

    /// <summary>The database file.</summary>
    public string DatabasePath => Options.DatabasePath;

    /// <inheritdoc />
    public string Location => DatabasePath;

    /// <summary>Opens the store, creating the folder and the database and applying migrations as needed.</summary>
    /// <exception cref="StoreException">The folder or file cannot be created, opened or migrated.</exception>
    public static DeliverabilityStore Open(StoreOptions options)
    {
        try
        {
            Directory.CreateDirectory(options.DataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{options.DataDirectory}: cannot create the data folder: {ex.Message} (set another with --data DIR or {DataFolder.EnvironmentVariable}).", ex);
        }
        var cs = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        var store = new DeliverabilityStore(options, cs);
        try
        {
            using var c = store.OpenConnection();
            // 16 KB pages for a new file (an existing one keeps its size): a bulk ingest dirties fewer, larger pages per
            // batch, mostly those of the randomly ordered identity index, and its writer spends ~15% less CPU than with 4 KB.
            Execute(c, $"PRAGMA page_size = {PageSize};");
            Execute(c, "PRAGMA journal_mode = WAL;");
            Migrator.Migrate(c, options.DatabasePath);
            RestoreDeferredIndexes(c, options.DataDirectory);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"{options.DatabasePath}: cannot open the history database: {ex.Message}", ex);
        }
        return store;
    }

    // An import that died between dropping the read-side indexes and building them again left them dropped: built here
    // when no writer holds the folder (one that does is that import, or a writer that builds them itself).
    private static void RestoreDeferredIndexes(SqliteConnection c, string dataDirectory)
    {
        if (!DeferredIndexes.Pending(c)) return;
        try
        {
            using var gate = WriterLock.TryAcquire(dataDirectory);
            if (gate is not null) DeferredIndexes.Restore(c);
        }
        catch (StoreException)
        {
            // A folder this user cannot lock (read-only): the readers' answers are the same, found by scanning.
        }
    }

    /// <summary>
    /// A writer on its own connection; dispose it when done. Writers into one data folder take turns, across processes:
    /// this waits while another holds the folder's writer lock, and <paramref name="waiting"/> hears once if it must.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for the lock.</exception>
    public StoreWriter CreateWriter(Action<string>? waiting = null, CancellationToken cancellationToken = default)
    {
        var gate = WriterLock.Acquire(Options.DataDirectory, waiting, cancellationToken);
        try
        {
            return new StoreWriter(OpenConnection(), Options.BatchSize, gate);
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    /// <summary>Where live sources (followed logs, journald) resume.</summary>
    public ISourcePositionStore Positions => new SourcePositions(this);

    /// <summary>The ESP webhook spool: <see cref="Webhooks.SqliteWebhookSpool.FileName"/> beside the history, opened on first use.</summary>
    /// <exception cref="StoreException">The spool file cannot be created or opened.</exception>
    public Webhooks.IWebhookSpool WebhookSpool => _spool.Value;

    /// <summary>Aggregates, examples and counts over windows.</summary>
    public StoreReader Reader => new(OpenConnection, _names, ReaderDialect.Sqlite);

    IHistoryReader IHistoryStore.Reader => Reader;

    IHistoryWriter IHistoryStore.CreateWriter(Action<string>? waiting, CancellationToken cancellationToken) => CreateWriter(waiting, cancellationToken);

    /// <summary>Incidents raised by the alert detector, and where they were posted.</summary>
    public Incidents.IIncidentStore Incidents => new Incidents.SqliteIncidentStore(this);

    /// <summary>The page cache of each connection (PRAGMA cache_size: negative is KiB): 32 MB.</summary>
    internal const int CacheSize = -32768;

    /// <summary>Opens a pooled connection with the per-connection settings.</summary>
    internal SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        // FULL: a committed batch survives power loss too (one fsync per batch, not per event).
        Execute(c, $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = {CacheSize}; PRAGMA temp_store = MEMORY;");
        return c;
    }

    internal static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
