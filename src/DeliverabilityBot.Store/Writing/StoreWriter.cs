using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// Writes events in batches of <see cref="BatchSize"/> (one transaction each; rows go in as they are added). Call
/// <see cref="Flush"/> before reading the totals; <see cref="Dispose"/> flushes too. Not thread-safe.
/// </summary>
/// <remarks>
/// Bulk settings on the writer's own connection: <c>synchronous = NORMAL</c> in WAL mode, so a batch commit does not
/// wait for the disk. A batch is still atomic, and a crash of the process loses nothing committed; after a power
/// loss the last batches committed since the previous sync may be missing, never part of one, and ingesting the same
/// input again restores them (ingest is idempotent). <see cref="RecordSource"/> commits with <c>synchronous = FULL</c>,
/// which syncs everything written before it: the ingest records its sources last, so what it reports is on disk.
/// The WAL is checkpointed every 64 MB rather than every 4 MB.
/// <para>
/// A bulk import (<see cref="ExpectBulk"/>) into an empty store, or into one small beside the input, drops the read-side
/// indexes (<see cref="DeferredIndexes"/>) and builds them once at the end; a writer that finds them still dropped (an
/// import that died) builds them before it writes.
/// </para>
/// </remarks>
public sealed class StoreWriter : IHistoryWriter
{
    private readonly SqliteConnection _connection;
    private readonly EventWriter _writer;
    private readonly IDisposable? _lock;
    private bool _bulkArmed;
    private bool _bulk;

    // Bytes of input per event already stored above which an import into a filled store still drops the indexes: each
    // event's row, index entries and message take about 200-300 bytes, so an input at least this large adds about as
    // many rows as the store holds, and building the indexes once over all of them is the cheaper way.
    private const long InputBytesPerStoredEvent = 200;

    internal StoreWriter(SqliteConnection connection, int batchSize, IDisposable? writerLock = null)
    {
        _connection = connection;
        _lock = writerLock;
        _writer = new EventWriter(connection);
        BatchSize = Math.Max(1, batchSize);
        // The checkpoint threshold is in pages: 64 MB whatever the file's page size (4 KB in older stores, 16 KB in new ones).
        DeliverabilityStore.Execute(connection, $"PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {WalCheckpointBytes / PageSize(connection)};");
        // An import that died left indexes dropped: this writer holds the lock, so none is running now.
        if (DeferredIndexes.Pending(connection)) DeferredIndexes.Restore(connection);
    }

    /// <summary>Whether the read-side indexes are dropped for this import now.</summary>
    public bool Bulk => _bulk;

    /// <inheritdoc />
    /// <remarks>
    /// An empty store drops the indexes at once. A filled one drops them only when the input is large beside it (see
    /// <see cref="InputBytesPerStoredEvent"/>; an unknown size never is) and a committed batch was at least half new, so
    /// ingesting a log again, which stores nothing, never rebuilds them for nothing.
    /// </remarks>
    public void ExpectBulk(long expectedBytes)
    {
        if (_bulk || _bulkArmed) return;
        Flush();
        using var cmd = _connection.CreateCommand();
        // The largest rowid: the events ever written, at least those held (a seek, where COUNT(*) would read the table).
        cmd.CommandText = "SELECT COALESCE(MAX(id), 0) FROM events;";
        var stored = (long)cmd.ExecuteScalar()!;
        if (stored == 0) StartBulk();
        else _bulkArmed = expectedBytes / InputBytesPerStoredEvent >= stored;
    }

    private void StartBulk()
    {
        DeferredIndexes.Defer(_connection);
        _writer.BeginBulk();
        _bulk = true;
        _bulkArmed = false;
    }

    // Builds the dropped indexes (committing the open batch first); nothing when none is dropped.
    private void EndBulk()
    {
        _bulkArmed = false;
        if (!_bulk) return;
        Flush();
        _bulk = false;
        _writer.EndBulk();
        // The sorter of CREATE INDEX keeps up to cache_size in memory and spills the rest to temporary files, which
        // temp_store = MEMORY would keep in memory too: about 45 MB more peak RSS for the benchmark log's indexes.
        DeliverabilityStore.Execute(_connection, "PRAGMA temp_store = FILE; PRAGMA cache_size = -8192;");
        try
        {
            DeferredIndexes.Restore(_connection);
        }
        finally
        {
            DeliverabilityStore.Execute(_connection, $"PRAGMA temp_store = MEMORY; PRAGMA cache_size = {DeliverabilityStore.CacheSize};");
        }
    }

    private const long WalCheckpointBytes = 64L * 1024 * 1024;

    private static long PageSize(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA page_size;";
        return Math.Max(512L, (long)cmd.ExecuteScalar()!);
    }

    /// <summary>Events per transaction.</summary>
    public int BatchSize { get; }

    /// <summary>Totals of everything written (acknowledged) so far.</summary>
    public WriteResult Total { get; private set; }

    /// <summary>Raised after each committed batch with that batch's result.</summary>
    public event Action<WriteResult>? BatchCommitted;

    /// <summary>Writes one event into the open batch; commits the batch when it is full. A failure rolls the open batch back
    /// whole (nothing of it is stored or counted) and is rethrown; the next event starts a new batch.</summary>
    public void Add(StoredEvent e)
    {
        _writer.Add(e);
        if (_writer.Pending >= BatchSize) Flush();
    }

    /// <summary>Commits the open batch, if any.</summary>
    public void Flush()
    {
        var result = _writer.Commit();
        if (result.Offered == 0) return;
        Total += result;
        if (_bulkArmed && result.Stored * 2 >= result.Offered && result.Stored > 0) StartBulk();
        BatchCommitted?.Invoke(result);
    }

    /// <summary>Records an ingested source for <c>dbot stats</c> and audits.</summary>
    public void RecordSource(string path, long bytes, long events, long stored)
    {
        EndBulk();
        Flush();
        DeliverabilityStore.Execute(_connection, "PRAGMA synchronous = FULL;");
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "INSERT INTO sources(path, bytes, events, stored, ingested) VALUES ($p, $b, $e, $s, $t);";
        cmd.Parameters.AddWithValue("$p", path);
        cmd.Parameters.AddWithValue("$b", bytes);
        cmd.Parameters.AddWithValue("$e", events);
        cmd.Parameters.AddWithValue("$s", stored);
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        cmd.ExecuteNonQuery();
        DeliverabilityStore.Execute(_connection, "PRAGMA synchronous = NORMAL;");
    }

    /// <summary>Deletes events and rollups older than <paramref name="days"/> before the newest timed event
    /// (or before now, whichever is earlier), so old sample data is not wiped on arrival. Returns rows deleted.</summary>
    public long ApplyRetention(int days, DateTimeOffset now)
    {
        EndBulk();
        if (days <= 0) return 0;
        Flush();
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        // Events without a time of their own (stamped at ingestion) do not move the anchor.
        cmd.CommandText = "SELECT MAX(ts) FROM events WHERE ts_estimated = 0;";
        if (cmd.ExecuteScalar() is not long newest) return 0;
        // Aligned to the hour so events and hourly rollups are cut at the same instant.
        var cutoff = (Math.Min(newest, now.ToUnixTimeSeconds()) - days * 86_400L) / 3600 * 3600;
        cmd.CommandText = "DELETE FROM events WHERE ts < $cut;";
        cmd.Parameters.AddWithValue("$cut", cutoff);
        long deleted = cmd.ExecuteNonQuery();
        cmd.CommandText = "DELETE FROM hourly WHERE hour < $cut / 3600;";
        cmd.ExecuteNonQuery();
        // Messages go with the hour they are counted in (their first evidence).
        cmd.CommandText = "DELETE FROM messages WHERE first_ts < $cut; DELETE FROM messages_hourly WHERE hour < $cut / 3600;";
        cmd.ExecuteNonQuery();
        tx.Commit();
        return deleted;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { EndBulk(); Flush(); }
        finally
        {
            _writer.Dispose();
            _connection.Dispose();
            _lock?.Dispose();
        }
    }
}
