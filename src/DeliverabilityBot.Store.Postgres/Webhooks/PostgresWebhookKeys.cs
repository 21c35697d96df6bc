using DeliverabilityBot.Store.Webhooks;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.Webhooks;

/// <summary>
/// The PostgreSQL store's <see cref="IWebhookKeyStore"/>: the <c>webhook_keys</c> table (migration 3), shared by every
/// instance, so a provider's retry reaching another instance is refused there too (<c>INSERT ... ON CONFLICT DO NOTHING</c>).
/// </summary>
public sealed class PostgresWebhookKeys(PostgresDatabase database) : IWebhookKeyStore
{
    /// <inheritdoc />
    public bool Contains(string key)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT 1 FROM webhook_keys WHERE key = @key;", c);
        cmd.Parameters.AddWithValue("key", key);
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public IReadOnlySet<string> AddNew(IReadOnlyCollection<string> keys, DateTimeOffset seenAt)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0) return added;
        using var c = database.OpenConnection();
        // One statement for the batch: the rows that were inserted come back, the rest were there already.
        using var cmd = new NpgsqlCommand("""
            INSERT INTO webhook_keys(key, seen) SELECT k, @seen FROM unnest(@keys) AS k
            ON CONFLICT (key) DO NOTHING RETURNING key;
            """, c);
        cmd.Parameters.AddWithValue("keys", keys.Distinct(StringComparer.Ordinal).ToArray());
        cmd.Parameters.AddWithValue("seen", seenAt.ToUnixTimeSeconds());
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) added.Add(reader.GetString(0));
        return added;
    }

    /// <inheritdoc />
    public int Prune(DateTimeOffset before)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("DELETE FROM webhook_keys WHERE seen < @before;", c);
        cmd.Parameters.AddWithValue("before", before.ToUnixTimeSeconds());
        return cmd.ExecuteNonQuery();
    }
}
