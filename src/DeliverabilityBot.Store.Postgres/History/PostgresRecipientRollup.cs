using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// <c>recipients_hourly</c>: attempts not delivered (action other than delivered, not superseded, with a recipient) per
/// rule set, UTC hour, receiver and recipient, kept in the transaction that writes them. It answers the recipient
/// drill-down (<see cref="Reading.StoreReader.Recipients"/>) for whole hours without reading the attempts; a batch's
/// counts are held here and merged in one statement, and superseded attempts are taken out again.
/// </summary>
internal sealed class PostgresRecipientRollup
{
    private readonly Dictionary<RecipientHour, long> _pending = new();

    /// <summary>Counts one stored attempt (call only for attempts that count: not delivered, not superseded, with a recipient).</summary>
    public void Count(long ruleSet, long hour, long receiver, string recipient)
    {
        ref var n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_pending, new RecipientHour(ruleSet, hour, receiver, recipient), out _);
        n++;
    }

    /// <summary>Merges the batch's counts; call before the messages' supersedings, as the attempt rollups.</summary>
    public void Flush(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        if (_pending.Count == 0) return;
        var rows = _pending.ToList();
        _pending.Clear();
        using var cmd = new NpgsqlCommand("""
            INSERT INTO recipients_hourly(ruleset_id, hour, receiver_id, recipient, n)
            SELECT * FROM unnest(@rs, @h, @r, @rc, @n)
            ON CONFLICT (ruleset_id, hour, receiver_id, recipient) DO UPDATE SET n = recipients_hourly.n + excluded.n;
            """, connection, tx);
        PostgresArrays.Add(cmd, "rs", rows.Select(p => p.Key.RuleSet));
        PostgresArrays.Add(cmd, "h", rows.Select(p => p.Key.Hour));
        PostgresArrays.Add(cmd, "r", rows.Select(p => p.Key.Receiver));
        PostgresArrays.Add(cmd, "rc", rows.Select(p => p.Key.Recipient));
        PostgresArrays.Add(cmd, "n", rows.Select(p => p.Value));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Forgets the batch's counts (after a rollback).</summary>
    public void Clear() => _pending.Clear();

    /// <summary>Takes attempts that were just superseded out of the rollup (rows that reach zero deleted).</summary>
    public static void Take(NpgsqlConnection connection, IReadOnlyCollection<(RecipientHour Key, long N)> taken, NpgsqlTransaction tx)
    {
        if (taken.Count == 0) return;
        const string Rows = "unnest(@rs, @h, @r, @rc, @n) AS x(ruleset_id, hour, receiver_id, recipient, n)";
        const string Match = "t.ruleset_id = x.ruleset_id AND t.hour = x.hour AND t.receiver_id = x.receiver_id AND t.recipient = x.recipient";
        using var cmd = new NpgsqlCommand($"""
            UPDATE recipients_hourly t SET n = t.n - x.n FROM {Rows} WHERE {Match};
            DELETE FROM recipients_hourly t USING {Rows} WHERE {Match} AND t.n <= 0;
            """, connection, tx);
        PostgresArrays.Add(cmd, "rs", taken.Select(p => p.Key.RuleSet));
        PostgresArrays.Add(cmd, "h", taken.Select(p => p.Key.Hour));
        PostgresArrays.Add(cmd, "r", taken.Select(p => p.Key.Receiver));
        PostgresArrays.Add(cmd, "rc", taken.Select(p => p.Key.Recipient));
        PostgresArrays.Add(cmd, "n", taken.Select(p => p.N));
        cmd.ExecuteNonQuery();
    }
}

/// <summary>One <c>recipients_hourly</c> row's key.</summary>
internal readonly record struct RecipientHour(long RuleSet, long Hour, long Receiver, string Recipient);
