using DeliverabilityBot.Store.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.Webhooks;

/// <summary>
/// The PostgreSQL store's <see cref="IWebhookSpool"/>: <c>webhook_keys</c> (migration 3) and <c>webhook_spool</c>
/// (migration 5), shared by every instance. A key is taken with <c>INSERT ... ON CONFLICT DO NOTHING</c>, so of instances
/// racing on one provider event exactly one spools it; events are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so instances
/// draining together never wait on each other.
/// </summary>
public sealed class PostgresWebhookSpool(PostgresDatabase database) : IWebhookSpool
{
    /// <inheritdoc />
    public string Location => database.Location;

    /// <inheritdoc />
    public IReadOnlyList<SpoolOutcome> Accept(IReadOnlyList<SpoolRequest> requests, DateTimeOffset receivedAt)
    {
        // Instances racing on keys of several requests may wait on each other's key rows in opposite orders: PostgreSQL
        // breaks the deadlock by failing one transaction, which is then run again (its keys are known by then).
        for (var attempt = 1; ; attempt++)
        {
            try { return AcceptOnce(requests, receivedAt); }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 5) { }
        }
    }

    private List<SpoolOutcome> AcceptOnce(IReadOnlyList<SpoolRequest> requests, DateTimeOffset receivedAt)
    {
        var outcomes = new List<SpoolOutcome>(requests.Count);
        if (requests.Count == 0) return outcomes;
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction();
        using var replay = new NpgsqlCommand("INSERT INTO webhook_keys(key, seen) VALUES (@key, @seen) ON CONFLICT (key) DO NOTHING;", c, tx);
        var replayKey = replay.Parameters.Add("key", NpgsqlDbType.Text);
        replay.Parameters.AddWithValue("seen", receivedAt.ToUnixTimeSeconds());
        // One statement per request for its events: the keys inserted now come back, and only their events are spooled.
        using var spool = new NpgsqlCommand("""
            WITH fresh AS (
                INSERT INTO webhook_keys(key, seen) SELECT k, @seen FROM unnest(@keys) AS k ORDER BY k
                ON CONFLICT (key) DO NOTHING RETURNING key)
            INSERT INTO webhook_spool(key, provider, payload, received)
            SELECT e.key, e.provider, e.payload, @received
            FROM unnest(@keys, @providers, @payloads) WITH ORDINALITY AS e(key, provider, payload, n)
            JOIN fresh ON fresh.key = e.key
            ORDER BY e.n
            RETURNING key;
            """, c, tx);
        spool.Parameters.AddWithValue("seen", receivedAt.ToUnixTimeSeconds());
        spool.Parameters.AddWithValue("received", receivedAt.ToUnixTimeMilliseconds());
        var keys = spool.Parameters.Add("keys", NpgsqlDbType.Array | NpgsqlDbType.Text);
        var providers = spool.Parameters.Add("providers", NpgsqlDbType.Array | NpgsqlDbType.Text);
        var payloads = spool.Parameters.Add("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text);
        foreach (var request in requests)
        {
            if (request.ReplayKey is { } key)
            {
                replayKey.Value = key;
                if (replay.ExecuteNonQuery() == 0)
                {
                    outcomes.Add(SpoolOutcome.Replayed);
                    continue;
                }
            }
            var spooled = new HashSet<string>(StringComparer.Ordinal);
            // A key repeated within the request is spooled once, with its first event (a key is inserted once per statement).
            var events = request.Events.DistinctBy(e => e.Key, StringComparer.Ordinal).ToList();
            if (events.Count > 0)
            {
                keys.Value = events.Select(e => e.Key).ToArray();
                providers.Value = events.Select(e => e.Provider).ToArray();
                payloads.Value = events.Select(e => e.Payload).ToArray();
                using var reader = spool.ExecuteReader();
                while (reader.Read()) spooled.Add(reader.GetString(0));
            }
            outcomes.Add(new SpoolOutcome(false, spooled));
        }
        tx.Commit();
        return outcomes;
    }

    /// <inheritdoc />
    public IReadOnlyList<SpooledEvent> Claim(string owner, int max, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            UPDATE webhook_spool SET claimed_by = @owner, claimed_until = @until
            WHERE id IN (SELECT id FROM webhook_spool WHERE claimed_until < @now ORDER BY id LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING id, key, provider, payload, received;
            """, c);
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("until", leaseUntil.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("max", max);
        var claimed = new List<SpooledEvent>();
        using (var reader = cmd.ExecuteReader())
            while (reader.Read())
                claimed.Add(new SpooledEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    /// <inheritdoc />
    public void Complete(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return;
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("DELETE FROM webhook_spool WHERE id = ANY(@ids);", c);
        cmd.Parameters.AddWithValue("ids", ids.ToArray());
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public long Pending()
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM webhook_spool;", c);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public bool Contains(string key)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT 1 FROM webhook_keys WHERE key = @key;", c);
        cmd.Parameters.AddWithValue("key", key);
        return cmd.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public int Prune(DateTimeOffset before)
    {
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand(
            "DELETE FROM webhook_keys k WHERE k.seen < @before AND NOT EXISTS (SELECT 1 FROM webhook_spool s WHERE s.key = k.key);", c);
        cmd.Parameters.AddWithValue("before", before.ToUnixTimeSeconds());
        return cmd.ExecuteNonQuery();
    }
}
