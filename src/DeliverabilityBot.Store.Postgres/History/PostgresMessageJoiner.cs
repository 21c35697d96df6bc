using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Writing.Messages;
using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// Joins each stored attempt to its message as the SQLite store's <see cref="MessageJoiner"/> does (same rules: found by
/// queue id and recipient, else by Message-ID header and recipient, else created; reports of what a log records are
/// superseded), over PostgreSQL, set-based per batch: the messages a batch may join are read in one statement
/// (<see cref="Preload"/>), joined in memory, and written back through a binary COPY into a staging table and one
/// <c>INSERT ... ON CONFLICT</c>. New ids come from the table's maximum: writers hold the store's advisory lock.
/// </summary>
internal sealed class PostgresMessageJoiner(NpgsqlConnection connection)
{
    private const string StateColumns = "id, qkey, mkey, first_ts, last_ts, receiver_id, sending_ip_id, sender_domain_id, stream_id, ruleset_id, trouble_ts, log_deferrals, report_deferrals, log_final, report_final, final_ts, final_event, recipient";
    internal const string WriteColumns = "qkey, mkey, first_ts, last_ts, receiver_id, sending_ip_id, sender_domain_id, stream_id, ruleset_id, trouble_ts, log_deferrals, report_deferrals, log_final, report_final, final_ts, final_event, outcome, deferrals, attempts";
    private readonly Dictionary<MessageKey, MessageState> _byQueue = new();
    private readonly Dictionary<MessageKey, MessageState> _byHeader = new();
    private readonly Dictionary<MessageKey, MessageState> _storedByQueue = new();
    private readonly Dictionary<MessageKey, MessageState> _storedByHeader = new();
    private readonly List<MessageState> _dirty = new();
    private readonly Dictionary<MessageBucket, long> _buckets = new();
    private long _nextId;

    /// <summary>
    /// Reads, in one round trip each, the stored messages the batch's events may join: by queue key and recipient
    /// (<paramref name="byQueue"/>) and by Message-ID key and recipient (<paramref name="byHeader"/>).
    /// </summary>
    public void Preload(IReadOnlyCollection<MessageKey> byQueue, IReadOnlyCollection<MessageKey> byHeader, NpgsqlTransaction tx)
    {
        var loaded = new Dictionary<long, MessageState>();
        // Ids for the messages the batch creates are allocated now: Find runs while the attempts stream in by COPY.
        if (byQueue.Count > 0) NextId(tx);
        if (byQueue.Count > 0)
            Read($"SELECT {StateColumns} FROM messages m JOIN unnest(@k, @r) AS x(k, r) ON m.qkey = x.k AND m.recipient = x.r;", byQueue, tx, loaded, _storedByQueue, header: false);
        // Several messages may share a Message-ID and recipient: the first by id answers, as LIMIT 1 did one at a time.
        if (byHeader.Count > 0)
            Read($"SELECT DISTINCT ON (m.mkey, m.recipient) {StateColumns} FROM messages m JOIN unnest(@k, @r) AS x(k, r) ON m.mkey = x.k AND m.recipient = x.r WHERE m.mkey IS NOT NULL ORDER BY m.mkey, m.recipient, m.id;", byHeader, tx, loaded, _storedByHeader, header: true);
    }

    /// <summary>The message an event belongs to, preloaded or created (not yet changed); null for evidence that joins none.</summary>
    public MessageState? Find(StoredEvent e, long eventHash, long? queueKey, long? mkey, NpgsqlTransaction tx)
    {
        if (!MessageJoiner.Joins(e)) return null;
        var recipient = e.Recipient ?? string.Empty;
        var key = new MessageKey(queueKey ?? mkey ?? eventHash, recipient);
        if (_byQueue.TryGetValue(key, out var known)) return known;
        var state = _storedByQueue.GetValueOrDefault(key);
        if (state is null && mkey is { } m && key.Key != m)
        {
            var header = new MessageKey(m, recipient);
            if (!_byHeader.TryGetValue(header, out state)) state = _storedByHeader.GetValueOrDefault(header);
        }
        state ??= new MessageState { Id = AllocateId(tx), Qkey = key.Key, Recipient = recipient, Mkey = mkey, IsNew = true };
        _byQueue[key] = state;
        if (state.Mkey is { } sm) _byHeader[new MessageKey(sm, recipient)] = state;
        return state;
    }

    /// <summary>The keys <see cref="Find"/> may seek for an event (queue key; Message-ID key when it differs), null when it joins none.</summary>
    public static (MessageKey Queue, MessageKey? Header)? KeysOf(StoredEvent e, long eventHash, long? queueKey, long? mkey)
    {
        if (!MessageJoiner.Joins(e)) return null;
        var recipient = e.Recipient ?? string.Empty;
        var key = new MessageKey(queueKey ?? mkey ?? eventHash, recipient);
        return (key, mkey is { } m && key.Key != m ? new MessageKey(m, recipient) : null);
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

    /// <summary>Writes the batch's changed messages, their rollups and the supersedings; call before committing, after the attempt rollups and events.</summary>
    public void Flush(NpgsqlTransaction tx)
    {
        if (_dirty.Count > 0) WriteMessages(tx);
        var supersede = new List<(long Id, bool Deferrals)>();
        foreach (var m in _dirty)
        {
            var bucket = m.Bucket;
            if (m.StoredBucket is not { } old) Count(bucket, 1);
            else if (old != bucket)
            {
                Count(old, -1);
                Count(bucket, 1);
            }
            if (m.SupersedeDeferrals) supersede.Add((m.Id, true));
            if (m.SupersedeFinals) supersede.Add((m.Id, false));
        }
        WriteBuckets(tx);
        if (supersede.Count > 0) PostgresSupersede.Apply(connection, supersede, tx);
        Clear();
    }

    /// <summary>Forgets everything held for the batch (after a commit or a rollback).</summary>
    public void Clear()
    {
        _byQueue.Clear();
        _byHeader.Clear();
        _storedByQueue.Clear();
        _storedByHeader.Clear();
        _dirty.Clear();
        _buckets.Clear();
        _nextId = 0;
    }

    private void WriteMessages(NpgsqlTransaction tx)
    {
        PostgresStaging.Ensure(connection, tx);
        using (var copy = connection.BeginBinaryImport($"COPY stage_messages (id, recipient, {WriteColumns}) FROM STDIN (FORMAT BINARY);"))
        {
            foreach (var m in _dirty)
            {
                copy.StartRow();
                copy.Write(m.Id, NpgsqlDbType.Bigint);
                copy.Write(m.Recipient, NpgsqlDbType.Text);
                copy.Write(m.Qkey, NpgsqlDbType.Bigint);
                Nullable(copy, m.Mkey);
                copy.Write(m.FirstTs, NpgsqlDbType.Bigint);
                copy.Write(m.LastTs, NpgsqlDbType.Bigint);
                copy.Write(m.ReceiverId, NpgsqlDbType.Bigint);
                copy.Write(m.SendingIpId, NpgsqlDbType.Bigint);
                copy.Write(m.SenderDomainId, NpgsqlDbType.Bigint);
                copy.Write(m.StreamId, NpgsqlDbType.Bigint);
                copy.Write(m.RuleSetId, NpgsqlDbType.Bigint);
                copy.Write(m.TroubleTs, NpgsqlDbType.Bigint);
                copy.Write(m.LogDeferrals, NpgsqlDbType.Bigint);
                copy.Write(m.ReportDeferrals, NpgsqlDbType.Bigint);
                copy.Write((int)m.LogFinal, NpgsqlDbType.Integer);
                copy.Write((int)m.ReportFinal, NpgsqlDbType.Integer);
                Nullable(copy, m.FinalTs);
                Nullable(copy, m.FinalEvent);
                copy.Write((int)m.Outcome, NpgsqlDbType.Integer);
                copy.Write(m.Deferrals, NpgsqlDbType.Bigint);
                copy.Write(m.Attempts, NpgsqlDbType.Bigint);
            }
            copy.Complete();
        }
        var set = string.Join(", ", WriteColumns.Split(", ").Select(c => $"{c} = excluded.{c}"));
        using var merge = new NpgsqlCommand(
            $"INSERT INTO messages(id, recipient, {WriteColumns}) SELECT id, recipient, {WriteColumns} FROM stage_messages ON CONFLICT (id) DO UPDATE SET {set}; TRUNCATE stage_messages;",
            connection, tx);
        merge.ExecuteNonQuery();
    }

    private void WriteBuckets(NpgsqlTransaction tx)
    {
        var rows = _buckets.Where(p => p.Value != 0).ToList();
        if (rows.Count == 0) return;
        using var cmd = new NpgsqlCommand("""
            INSERT INTO messages_hourly(hour, receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id, n)
            SELECT * FROM unnest(@h, @r, @o, @a, @rs, @s, @sd, @st, @n)
            ON CONFLICT (hour, receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id) DO UPDATE SET n = messages_hourly.n + excluded.n;
            """, connection, tx);
        PostgresArrays.Add(cmd, "h", rows.Select(p => p.Key.Hour));
        PostgresArrays.Add(cmd, "r", rows.Select(p => p.Key.Receiver));
        PostgresArrays.Add(cmd, "o", rows.Select(p => p.Key.Outcome));
        PostgresArrays.Add(cmd, "a", rows.Select(p => p.Key.Affected));
        PostgresArrays.Add(cmd, "rs", rows.Select(p => p.Key.RuleSet));
        PostgresArrays.Add(cmd, "s", rows.Select(p => p.Key.SendingIp));
        PostgresArrays.Add(cmd, "sd", rows.Select(p => p.Key.SenderDomain));
        PostgresArrays.Add(cmd, "st", rows.Select(p => p.Key.Stream));
        PostgresArrays.Add(cmd, "n", rows.Select(p => p.Value));
        cmd.ExecuteNonQuery();
    }

    private static void Nullable(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Bigint);
        else copy.WriteNull();
    }

    private void Count(MessageBucket b, long n) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, b, out _) += n;

    private void Read(string sql, IReadOnlyCollection<MessageKey> keys, NpgsqlTransaction tx, Dictionary<long, MessageState> loaded,
        Dictionary<MessageKey, MessageState> into, bool header)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        PostgresArrays.Add(cmd, "k", keys.Select(k => k.Key));
        cmd.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Recipient).ToArray() });
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            // One object per stored row, however many keys found it.
            var id = r.GetInt64(0);
            if (!loaded.TryGetValue(id, out var m)) loaded[id] = m = State(r);
            into[new MessageKey(header ? m.Mkey!.Value : m.Qkey, m.Recipient)] = m;
        }
    }

    private static MessageState State(NpgsqlDataReader r)
    {
        long L(int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        var logFinal = (MessageOutcome)L(13);
        var reportFinal = (MessageOutcome)L(14);
        var decided = logFinal != MessageOutcome.Pending || reportFinal != MessageOutcome.Pending;
        var m = new MessageState
        {
            Id = L(0), Qkey = L(1), Recipient = r.GetString(17), Mkey = r.IsDBNull(2) ? null : L(2), FirstTs = L(3), LastTs = L(4),
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
        return _nextId;
    }

    private long AllocateId(NpgsqlTransaction tx)
    {
        NextId(tx);
        return _nextId++;
    }
}
