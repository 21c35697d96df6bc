using DeliverabilityBot.Conversation.State;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.State;

/// <summary>
/// Channel delivery keys in the shared database, so every instance behind one Slack app or Teams bot answers a delivery
/// once: the first instance to insert a key wins (<c>INSERT ... ON CONFLICT</c>), whichever instance a re-delivery reaches.
/// A key older than the lifetime may be taken again, as in memory; expired keys are pruned now and then.
/// </summary>
public sealed class PostgresDeliveryKeys(PostgresDatabase database, TimeProvider time, TimeSpan lifetime) : IDeliveryKeys
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);
    private long _nextPrune;

    /// <inheritdoc />
    public bool TryAdd(string key)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expired = now - (long)lifetime.TotalMilliseconds;
        using var c = database.OpenConnection();
        PruneNowAndThen(c, now, expired);
        // Inserted, or an expired key renewed: one row back. A live key: none. The row lock makes one of racing callers win.
        using var cmd = new NpgsqlCommand("""
            INSERT INTO delivery_keys(key, seen_at) VALUES (@key, @now)
            ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE delivery_keys.seen_at <= @expired
            RETURNING 1;
            """, c);
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("expired", expired);
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public void Forget(string key)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("DELETE FROM delivery_keys WHERE key = @key;", c);
        cmd.Parameters.AddWithValue("key", key);
        cmd.ExecuteNonQuery();
    }

    private void PruneNowAndThen(NpgsqlConnection c, long now, long expired)
    {
        var due = Interlocked.Read(ref _nextPrune);
        if (now < due || Interlocked.CompareExchange(ref _nextPrune, now + (long)PruneEvery.TotalMilliseconds, due) != due) return;
        using var cmd = new NpgsqlCommand("DELETE FROM delivery_keys WHERE seen_at <= @expired;", c);
        cmd.Parameters.AddWithValue("expired", expired);
        cmd.ExecuteNonQuery();
    }
}
