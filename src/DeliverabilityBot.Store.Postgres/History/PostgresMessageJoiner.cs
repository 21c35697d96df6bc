using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Writing.Messages;
using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// Joins each stored attempt to its message as the SQLite store's <see cref="MessageJoiner"/> does (same rules: found by
/// queue id and recipient, else by Message-ID header and recipient, else created; reports of what a log records are
/// superseded), over PostgreSQL. New ids come from the table's maximum: writers hold the store's advisory lock.
/// </summary>
internal sealed class PostgresMessageJoiner(NpgsqlConnection connection)
{
    private const string StateColumns = "id, qkey, mkey, first_ts, last_ts, receiver_id, sending_ip_id, sender_domain_id, stream_id, ruleset_id, trouble_ts, log_deferrals, report_deferrals, log_final, report_final, final_ts, final_event";
    private const string WriteColumns = "qkey, mkey, first_ts, last_ts, receiver_id, sending_ip_id, sender_domain_id, stream_id, ruleset_id, trouble_ts, log_deferrals, report_deferrals, log_final, report_final, final_ts, final_event, outcome, deferrals, attempts";
    private readonly Dictionary<MessageKey, MessageState> _byQueue = new();
    private readonly Dictionary<MessageKey, MessageState> _byHeader = new();
    private readonly List<MessageState> _dirty = new();
    private readonly Dictionary<MessageBucket, long> _buckets = new();
    private long _nextId;

    /// <summary>The message an event belongs to, loaded or created (not yet changed); null for evidence that joins none.</summary>
    public MessageState? Find(StoredEvent e, long eventHash, long? queueKey, long? mkey, NpgsqlTransaction tx)
    {
        if (!MessageJoiner.Joins(e)) return null;
        var recipient = e.Recipient ?? string.Empty;
        var key = new MessageKey(queueKey ?? mkey ?? eventHash, recipient);
        if (_byQueue.TryGetValue(key, out var known)) return known;
        var state = Load("qkey = @k AND recipient = @r", key.Key, recipient, tx);
        if (state is null && mkey is { } m && key.Key != m)
        {
            if (!_byHeader.TryGetValue(new MessageKey(m, recipient), out state)) state = Load("mkey = @k AND recipient = @r", m, recipient, tx);
        }
        state ??= new MessageState { Id = NextId(tx), Qkey = key.Key, Recipient = recipient, Mkey = mkey, IsNew = true };
        _byQueue[key] = state;
        if (state.Mkey is { } sm) _byHeader[new MessageKey(sm, recipient)] = state;
        return state;
    }

    /// <summary>Forgets a message found for an event that turned out to be stored already.</summary>
    public void Discard(MessageState? message, long? queueKey, long eventHash)
    {
        if (message is null || !message.IsNew || message.Dirty) return;
        _byQueue.Remove(new MessageKey(queueKey ?? message.Mkey ?? eventHash, message.Recipient));
        if (message.Mkey is { } m) _byHeader.Remove(new MessageKey(m, message.Recipient));
    }

    /// <summary>Adds a newly stored event's evidence to its message (the SQLite store's rules, <see cref="MessageJoiner.Merge"/>).</summary>
    public void Apply(MessageState m, StoredEvent e, long ts, long eventHash, long? queueKey, long? mkey, in EventDimensions d)
    {
        MessageJoiner.Merge(m, e, ts, eventHash, queueKey, mkey, d);
        if (!m.Dirty)
        {
            m.Dirty = true;
            _dirty.Add(m);
        }
    }

    /// <summary>Writes the transaction's changed messages, their rollups and the supersedings; call before committing, after the attempt rollups.</summary>
    public void Flush(NpgsqlTransaction tx)
    {
        var cols = WriteColumns.Split(", ");
        using var insert = new NpgsqlCommand(
            $"INSERT INTO messages(id, recipient, {WriteColumns}) VALUES (@p1, @p2, {string.Join(", ", cols.Select((_, i) => "@p" + (i + 3)))});", connection, tx);
        using var update = new NpgsqlCommand(
            $"UPDATE messages SET {string.Join(", ", cols.Select((c, i) => $"{c} = @p{i + 3}"))} WHERE id = @p1;", connection, tx);
        foreach (var m in _dirty)
        {
            var s = m.IsNew ? insert : update;
            s.Parameters.Clear();
            s.Parameters.AddWithValue("p1", m.Id);
            s.Parameters.AddWithValue("p2", m.Recipient);
            object?[] v =
            [
                m.Qkey, m.Mkey, m.FirstTs, m.LastTs, m.ReceiverId, m.SendingIpId, m.SenderDomainId, m.StreamId, m.RuleSetId, m.TroubleTs,
                m.LogDeferrals, m.ReportDeferrals, (int)m.LogFinal, (int)m.ReportFinal, m.FinalTs, m.FinalEvent, (int)m.Outcome, m.Deferrals, m.Attempts,
            ];
            for (var i = 0; i < v.Length; i++)
                s.Parameters.Add(new NpgsqlParameter($"p{i + 3}", i is 12 or 13 or 16 ? NpgsqlDbType.Integer : NpgsqlDbType.Bigint) { Value = v[i] ?? DBNull.Value });
            s.ExecuteNonQuery();
            var bucket = m.Bucket;
            if (m.StoredBucket is not { } old) Count(bucket, 1);
            else if (old != bucket)
            {
                Count(old, -1);
                Count(bucket, 1);
            }
            if (m.SupersedeDeferrals) Supersede(m.Id, deferrals: true, tx);
            if (m.SupersedeFinals) Supersede(m.Id, deferrals: false, tx);
        }
        using var rollup = new NpgsqlCommand("""
            INSERT INTO messages_hourly(hour, receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id, n)
            VALUES (@h, @r, @o, @a, @rs, @s, @sd, @st, @n)
            ON CONFLICT (hour, receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id) DO UPDATE SET n = messages_hourly.n + excluded.n;
            """, connection, tx);
        foreach (var (b, n) in _buckets)
        {
            if (n == 0) continue;
            rollup.Parameters.Clear();
            rollup.Parameters.AddWithValue("h", b.Hour); rollup.Parameters.AddWithValue("r", b.Receiver); rollup.Parameters.AddWithValue("o", b.Outcome);
            rollup.Parameters.AddWithValue("a", b.Affected); rollup.Parameters.AddWithValue("rs", b.RuleSet); rollup.Parameters.AddWithValue("s", b.SendingIp);
            rollup.Parameters.AddWithValue("sd", b.SenderDomain); rollup.Parameters.AddWithValue("st", b.Stream); rollup.Parameters.AddWithValue("n", n);
            rollup.ExecuteNonQuery();
        }
        Clear();
    }

    /// <summary>Forgets everything held for the transaction (after a commit or a rollback).</summary>
    public void Clear()
    {
        _byQueue.Clear();
        _byHeader.Clear();
        _dirty.Clear();
        _buckets.Clear();
        _nextId = 0;
    }

    private void Count(MessageBucket b, long n) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, b, out _) += n;

    // Reports of what a log now records: marked superseded and taken out of the attempt rollups they were counted in.
    private void Supersede(long messageId, bool deferrals, NpgsqlTransaction tx)
    {
        var taken = new List<long[]>();
        using (var cmd = new NpgsqlCommand("""
            UPDATE events SET superseded = 1 WHERE message_row = @m AND kind = 0 AND superseded = 0 AND (action = 1) = @d
            RETURNING ts, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id;
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("m", messageId);
            cmd.Parameters.AddWithValue("d", deferrals);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = new long[9];
                for (var i = 0; i < 9; i++) row[i] = i == 2 ? r.GetInt32(i) : r.GetInt64(i);
                taken.Add(row);
            }
        }
        if (taken.Count == 0) return;
        const string Match = "hour = @h AND receiver_id = @r AND action = @a AND reason_id = @re AND category_id = @c AND filter_id = @f AND ruleset_id = @rs AND sending_ip_id = @s AND sender_domain_id = @sd";
        using var dec = new NpgsqlCommand($"UPDATE hourly SET n = n - 1 WHERE {Match}; DELETE FROM hourly WHERE {Match} AND n <= 0;", connection, tx);
        string[] names = ["h", "r", "a", "re", "c", "f", "rs", "s", "sd"];
        foreach (var n in names) dec.Parameters.Add(new NpgsqlParameter(n, n == "a" ? NpgsqlDbType.Integer : NpgsqlDbType.Bigint));
        foreach (var row in taken)
        {
            var ts = row[0];
            dec.Parameters[0].Value = Math.DivRem(ts, 3600, out var rem) - (rem < 0 ? 1 : 0);
            for (var i = 1; i < 9; i++) dec.Parameters[i].Value = i == 2 ? (int)row[i] : row[i];
            dec.ExecuteNonQuery();
        }
    }

    private MessageState? Load(string where, long key, string recipient, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand($"SELECT {StateColumns} FROM messages WHERE {where} LIMIT 1;", connection, tx);
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("r", recipient);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        long L(int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        var logFinal = (MessageOutcome)L(13);
        var reportFinal = (MessageOutcome)L(14);
        var decided = logFinal != MessageOutcome.Pending || reportFinal != MessageOutcome.Pending;
        var m = new MessageState
        {
            Id = L(0), Qkey = L(1), Recipient = recipient, Mkey = r.IsDBNull(2) ? null : L(2), FirstTs = L(3), LastTs = L(4),
            ReceiverId = L(5), SendingIpId = L(6), SenderDomainId = L(7), StreamId = L(8), RuleSetId = L(9), TroubleTs = L(10),
            LogDeferrals = L(11), ReportDeferrals = L(12), LogFinal = logFinal, ReportFinal = reportFinal,
            FinalTs = decided && !r.IsDBNull(15) ? L(15) : null, FinalEvent = decided && !r.IsDBNull(16) ? L(16) : null,
        };
        m.StoredBucket = m.Bucket;
        return m;
    }

    private long NextId(NpgsqlTransaction tx)
    {
        if (_nextId == 0)
        {
            using var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(id), 0) + 1 FROM messages;", connection, tx);
            _nextId = (long)cmd.ExecuteScalar()!;
        }
        return _nextId++;
    }
}
