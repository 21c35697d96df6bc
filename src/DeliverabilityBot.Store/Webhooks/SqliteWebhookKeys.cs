using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Webhooks;

/// <summary>The SQLite store's <see cref="IWebhookKeyStore"/>: the <c>webhook_keys</c> table (schema 8).</summary>
public sealed class SqliteWebhookKeys : IWebhookKeyStore
{
    private readonly DeliverabilityStore _store;

    internal SqliteWebhookKeys(DeliverabilityStore store) => _store = store;

    /// <inheritdoc />
    public bool Contains(string key)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM webhook_keys WHERE key = $k;";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public IReadOnlySet<string> AddNew(IReadOnlyCollection<string> keys, DateTimeOffset seenAt)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0) return added;
        using var c = _store.OpenConnection();
        // IMMEDIATE: the write lock from the start, so two processes racing on a key cannot both read it as absent.
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO webhook_keys(key, seen) VALUES ($k, $t) ON CONFLICT(key) DO NOTHING;";
        var key = cmd.Parameters.Add("$k", SqliteType.Text);
        cmd.Parameters.AddWithValue("$t", seenAt.ToUnixTimeSeconds());
        foreach (var k in keys)
        {
            key.Value = k;
            if (cmd.ExecuteNonQuery() == 1) added.Add(k);
        }
        tx.Commit();
        return added;
    }

    /// <inheritdoc />
    public int Prune(DateTimeOffset before)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM webhook_keys WHERE seen < $t;";
        cmd.Parameters.AddWithValue("$t", before.ToUnixTimeSeconds());
        return cmd.ExecuteNonQuery();
    }
}
