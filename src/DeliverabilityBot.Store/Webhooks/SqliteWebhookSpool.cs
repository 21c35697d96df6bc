using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Webhooks;

/// <summary>
/// The SQLite store's <see cref="IWebhookSpool"/>: a database file of its own beside the history
/// (<see cref="FileName"/> in the data folder), so acknowledging a webhook never waits for the history's writer lock,
/// which an ingest holds for whole batches. Created on first use; WAL, <c>synchronous = FULL</c> (an acknowledged event
/// survives a power loss too); a transaction takes the file's write lock from its start (<c>BEGIN IMMEDIATE</c>), so two
/// processes racing on one key cannot both take it.
/// </summary>
public sealed class SqliteWebhookSpool : IWebhookSpool
{
    /// <summary>The spool's file name inside the data folder.</summary>
    public const string FileName = "webhooks.db";

    private const int SchemaVersion = 1;

    // 1: keys taken (seen in unix seconds), events waiting (received and claimed_until in unix milliseconds).
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS webhook_keys (
            key  TEXT    PRIMARY KEY,
            seen INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_webhook_keys_seen ON webhook_keys (seen);
        CREATE TABLE IF NOT EXISTS webhook_spool (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            key           TEXT    NOT NULL UNIQUE,
            provider      TEXT    NOT NULL,
            payload       TEXT    NOT NULL,
            received      INTEGER NOT NULL,
            claimed_by    TEXT,
            claimed_until INTEGER NOT NULL DEFAULT 0);
        """;

    private readonly string _connectionString;

    private SqliteWebhookSpool(string path, string connectionString)
    {
        Location = path;
        _connectionString = connectionString;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Opens (creating and migrating as needed) the spool in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="StoreException">The file cannot be created, opened or is from a newer dbot.</exception>
    public static SqliteWebhookSpool Open(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        var spool = new SqliteWebhookSpool(path, cs);
        try
        {
            Directory.CreateDirectory(dataDirectory);
            using var c = spool.OpenConnection();
            Execute(c, "PRAGMA journal_mode = WAL;");
            using var tx = c.BeginTransaction(deferred: false);
            var version = Convert.ToInt32(Scalar(c, tx, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
                throw new StoreException($"{path}: the webhook spool has schema version {version}, newer than this dbot's {SchemaVersion}; upgrade dbot.");
            if (version < SchemaVersion)
            {
                using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = Schema + $"\nPRAGMA user_version = {SchemaVersion};";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{path}: cannot open the webhook spool: {ex.Message}", ex);
        }
        return spool;
    }

    /// <inheritdoc />
    public IReadOnlyList<SpoolOutcome> Accept(IReadOnlyList<SpoolRequest> requests, DateTimeOffset receivedAt)
    {
        var outcomes = new List<SpoolOutcome>(requests.Count);
        if (requests.Count == 0) return outcomes;
        using var c = OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        using var key = c.CreateCommand();
        key.Transaction = tx;
        key.CommandText = "INSERT INTO webhook_keys(key, seen) VALUES ($k, $t) ON CONFLICT(key) DO NOTHING;";
        var keyValue = key.Parameters.Add("$k", SqliteType.Text);
        key.Parameters.AddWithValue("$t", receivedAt.ToUnixTimeSeconds());
        using var spool = c.CreateCommand();
        spool.Transaction = tx;
        spool.CommandText = "INSERT INTO webhook_spool(key, provider, payload, received) VALUES ($k, $p, $b, $r);";
        var spoolKey = spool.Parameters.Add("$k", SqliteType.Text);
        var provider = spool.Parameters.Add("$p", SqliteType.Text);
        var payload = spool.Parameters.Add("$b", SqliteType.Text);
        spool.Parameters.AddWithValue("$r", receivedAt.ToUnixTimeMilliseconds());
        foreach (var request in requests)
        {
            if (request.ReplayKey is { } replay)
            {
                keyValue.Value = replay;
                if (key.ExecuteNonQuery() == 0)
                {
                    outcomes.Add(SpoolOutcome.Replayed);
                    continue;
                }
            }
            var spooled = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in request.Events)
            {
                keyValue.Value = e.Key;
                if (key.ExecuteNonQuery() == 0) continue;
                spoolKey.Value = e.Key;
                provider.Value = e.Provider;
                payload.Value = e.Payload;
                spool.ExecuteNonQuery();
                spooled.Add(e.Key);
            }
            outcomes.Add(new SpoolOutcome(false, spooled));
        }
        tx.Commit();
        return outcomes;
    }

    /// <inheritdoc />
    public IReadOnlyList<SpooledEvent> Claim(string owner, int max, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        using var c = OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            UPDATE webhook_spool SET claimed_by = $o, claimed_until = $u
            WHERE id IN (SELECT id FROM webhook_spool WHERE claimed_until < $now ORDER BY id LIMIT $n)
            RETURNING id, key, provider, payload, received;
            """;
        cmd.Parameters.AddWithValue("$o", owner);
        cmd.Parameters.AddWithValue("$u", leaseUntil.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$n", max);
        var claimed = new List<SpooledEvent>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read())
                claimed.Add(new SpooledEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        tx.Commit();
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <inheritdoc />
    public void Complete(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return;
        using var c = OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM webhook_spool WHERE id = $id;";
        var id = cmd.Parameters.Add("$id", SqliteType.Integer);
        foreach (var i in ids)
        {
            id.Value = i;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <inheritdoc />
    public long Pending()
    {
        using var c = OpenConnection();
        return Convert.ToInt64(Scalar(c, null, "SELECT count(*) FROM webhook_spool;"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool Contains(string key)
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM webhook_keys WHERE key = $k;";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public int Prune(DateTimeOffset before)
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM webhook_keys WHERE seen < $t AND key NOT IN (SELECT key FROM webhook_spool);";
        cmd.Parameters.AddWithValue("$t", before.ToUnixTimeSeconds());
        return cmd.ExecuteNonQuery();
    }

    private SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        // FULL: what was acknowledged survives a power loss; the spool's commits are small (one fsync per group of requests).
        Execute(c, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;");
        return c;
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
