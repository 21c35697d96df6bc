using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing.Messages;

/// <summary>
/// Joins each stored attempt to its message (one per recipient of a queued message) inside the writer's transaction:
/// found by queue id and recipient, else by <c>Message-ID</c> header and recipient, else created. Messages touched in
/// the transaction are held in memory and written once at commit with their hourly rollups.
/// </summary>
/// <remarks>
/// Why the order of ingestion does not matter: a message's outcome and counts come from counters per kind of
/// evidence (log or report) whatever arrives first, and a report (DSN) of a deferral or final outcome that a log also
/// records is marked superseded (kept as evidence, left out of the attempt rollups) whether it came before the log line
/// (marked at commit, its rollup taken back) or after it (stored superseded). New message ids are allocated in memory
/// from the table's maximum: the writer's transaction is <c>BEGIN IMMEDIATE</c>, so no other writer interleaves.
/// Messages are sought by their integer lookup keys (<see cref="MessageLookupKey"/>), and only where a
/// <see cref="MessageKeyFilter"/> of every stored key says the message may be stored: in an empty store from the start,
/// in a filled one once a writer has sought <see cref="SeeksBeforeFilter"/> messages (a large ingest), so a small
/// ingest into a large store does not pay for reading every key. The writer lock keeps other writers out meanwhile.
/// </remarks>
internal sealed class MessageJoiner : IDisposable
{
    private const string StateColumns = "id, qkey, mkey, first_ts, last_ts, receiver_id, sending_ip_id, sender_domain_id, stream_id, ruleset_id, trouble_ts, log_deferrals, report_deferrals, log_final, report_final, final_ts, final_event, outcome, deferrals";
    private const int KeyParameter = 22;
    private const long InitialCapacity = 1L << 20;
    private const string WriteColumns = "qkey, mkey, first_ts, last_ts, receiver_id, sending_ip_id, sender_domain_id, stream_id, ruleset_id, trouble_ts, log_deferrals, report_deferrals, log_final, report_final, final_ts, final_event, outcome, deferrals, attempts";
    private readonly SqliteConnection _connection;
    private readonly RawStatement _byKey;
    private readonly RawStatement _byMkey;
    private readonly RawStatement _byId;
    private readonly RawStatement _insert;
    private readonly RawStatement _update;
    private readonly RawStatement _rekey;
    private readonly RawStatement _rollup;
    private readonly Dictionary<MessageKey, MessageState> _byQueue = new();
    private readonly Dictionary<MessageKey, MessageState> _byHeader = new();
    private readonly List<MessageState> _dirty = new();
    private readonly Dictionary<long, MessageState> _held = new();
    private readonly Dictionary<MessageBucket, long> _buckets = new();
    private readonly long[] _row = new long[19];
    private long _nextId;
    private MessageKeyFilter? _filter;
    private MessageRowMap? _rows;
    private int _seeks;

    /// <summary>Index seeks a writer makes into a filled store before it reads every stored key into a filter.</summary>
    internal const int SeeksBeforeFilter = 20_000;

    public MessageJoiner(SqliteConnection connection)
    {
        _connection = connection;
        _byKey = new RawStatement(connection, $"SELECT {StateColumns} FROM messages WHERE key = ?1 AND qkey = ?2 AND recipient = ?3;");
        _byMkey = new RawStatement(connection, $"SELECT {StateColumns} FROM messages WHERE hkey = ?1 AND mkey = ?2 AND recipient = ?3 LIMIT 1;");
        // What _byKey finds, by the row a bulk writer's map names (the lookup index is dropped meanwhile).
        _byId = new RawStatement(connection, $"SELECT {StateColumns} FROM messages WHERE id = ?4 AND key = ?1 AND qkey = ?2 AND recipient = ?3;");
        // Parameters: ?1 id, ?2 recipient, ?3.. the write columns in order, then the lookup keys.
        var cols = WriteColumns.Split(", ");
        var set = cols.Select((c, i) => (Column: c, Sql: $"{c} = ?{i + 3}")).ToList();
        _insert = new RawStatement(connection,
            $"INSERT INTO messages(id, recipient, {WriteColumns}, key, hkey) VALUES (?1, ?2, {string.Join(", ", cols.Select((_, i) => "?" + (i + 3)))}, ?{KeyParameter}, ?{KeyParameter + 1});");
        // Most updates leave the indexed columns as they were; SQLite rewrites the entries of every index whose column is set.
        _update = new RawStatement(connection,
            $"UPDATE messages SET {string.Join(", ", set.Where(c => c.Column is not ("qkey" or "mkey" or "first_ts")).Select(c => c.Sql))} WHERE id = ?1;");
        _rekey = new RawStatement(connection,
            $"UPDATE messages SET {string.Join(", ", set.Select(c => c.Sql))}, key = ?{KeyParameter}, hkey = ?{KeyParameter + 1} WHERE id = ?1;");
        if (IsEmpty(connection)) _filter = new MessageKeyFilter(InitialCapacity);
        _rollup = new RawStatement(connection, """
            INSERT INTO messages_hourly(hour, receiver_id, outcome, affected, ruleset_id, sending_ip_id, sender_domain_id, stream_id, n)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO UPDATE SET n = n + excluded.n;
            """);
    }

    /// <summary>Whether messages are found through a <see cref="MessageRowMap"/> rather than the lookup index.</summary>
    public bool Bulk => _rows is not null;

    /// <summary>
    /// From now on messages are found through an exact map of every stored lookup key, read here from the table,
    /// instead of the lookup index, which a bulk import drops (<see cref="Schema.DeferredIndexes"/>). Call with no
    /// transaction open, after the drop.
    /// </summary>
    public void BeginBulk()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(id), 0) FROM messages;";
        // Sized for the rows stored; it doubles as the import adds more (16 bytes a slot, at most half full: 16 MB for
        // the 470,000 messages of the benchmark log), so a small import stays small.
        var rows = new MessageRowMap(Math.Max(1L << 16, (long)cmd.ExecuteScalar()!));
        cmd.CommandText = "SELECT key, id FROM messages;";
        using (var r = cmd.ExecuteReader())
            while (r.Read()) rows.Add(r.GetInt64(0), r.GetInt64(1));
        _rows = rows;
    }

    /// <summary>Back to the lookup index (built again), the map let go.</summary>
    public void EndBulk() => _rows = null;

    /// <summary>Whether the evidence is primary (a log line or ESP event) rather than a report (a DSN or pasted reply).</summary>
    public static bool IsPrimary(StoredEvent e) => e.Kind is EvidenceKind.LogLine or EvidenceKind.EspEvent;

    /// <summary>Whether an event of this kind joins a message at all (complaints and auto-replies are not delivery evidence).</summary>
    public static bool Joins(StoredEvent e) => e.Kind is EvidenceKind.Reply or EvidenceKind.LogLine or EvidenceKind.EspEvent;

    /// <summary>
    /// The message an event belongs to, loaded or created (not yet changed); null for evidence that joins none.
    /// <paramref name="queueKey"/> is the key of the event's queue id (null without one); <paramref name="mkey"/> the key of its Message-ID header.
    /// </summary>
    public MessageState? Find(StoredEvent e, long eventHash, long? queueKey, long? mkey, SqliteTransaction tx)
    {
        if (!Joins(e)) return null;
        var recipient = e.Recipient ?? string.Empty;
        var key = new MessageKey(queueKey ?? mkey ?? eventHash, recipient);
        if (_byQueue.TryGetValue(key, out var known)) return known;
        var state = Load(_byKey, key.Key, recipient, tx);
        // Also when the event is known by its Message-ID alone (key == m): a log line may have re-keyed that message by
        // its queue id since, in an earlier transaction; its header key stays.
        if (state is null && mkey is { } m)
        {
            if (!_byHeader.TryGetValue(new MessageKey(m, recipient), out state)) state = Load(_byMkey, m, recipient, tx);
        }
        // A row already held in this transaction is that state, whatever key found it (a re-key is written at commit).
        if (state is { IsNew: false } && !_held.TryAdd(state.Id, state)) state = _held[state.Id];
        state ??= new MessageState { Id = NextId(tx), Qkey = key.Key, Recipient = recipient, Mkey = mkey, IsNew = true };
        _byQueue[key] = state;
        if (state.Mkey is { } sm) _byHeader[new MessageKey(sm, recipient)] = state;
        return state;
    }

    /// <summary>Whether a new event of this kind is already told by primary evidence of the message (it is then stored superseded).</summary>
    public static bool IsSuperseded(MessageState? message, StoredEvent e)
    {
        if (message is null || IsPrimary(e)) return false;
        return e.Action == DeliveryAction.Delayed
            ? message.LogDeferrals > 0
            : message.LogFinal != MessageOutcome.Pending || message.ReportFinal != MessageOutcome.Pending;
    }

    /// <summary>Forgets a message found for an event that turned out to be stored already.</summary>
    public void Discard(MessageState? message, long? queueKey, long eventHash)
    {
        if (message is null || !message.IsNew || message.Dirty) return;
        _byQueue.Remove(new MessageKey(queueKey ?? message.Mkey ?? eventHash, message.Recipient));
        if (message.Mkey is { } m) _byHeader.Remove(new MessageKey(m, message.Recipient));
    }

    /// <summary>Adds a newly stored event's evidence to its message.</summary>
    public void Apply(MessageState m, StoredEvent e, long ts, long eventHash, long? queueKey, long? mkey, in EventDimensions d)
    {
        Merge(m, e, ts, eventHash, queueKey, mkey, d);
        if (!m.Dirty)
        {
            m.Dirty = true;
            _dirty.Add(m);
        }
    }

    /// <summary>The join's rules: how one newly stored event changes its message (times, dimensions, counters per kind of
    /// evidence, outcome, trouble), whatever order the evidence arrives in. Shared by every store.</summary>
    internal static void Merge(MessageState m, StoredEvent e, long ts, long eventHash, long? queueKey, long? mkey, in EventDimensions d)
    {
        if (!m.Dirty && m.IsNew) { m.FirstTs = m.LastTs = ts; }
        else { m.FirstTs = Math.Min(m.FirstTs, ts); m.LastTs = Math.Max(m.LastTs, ts); }
        // A message first known by its Message-ID takes the queue id's key once a line with one joins it.
        if (queueKey is { } q && m.Qkey != q && m.Qkey == m.Mkey) m.Qkey = q;
        m.Mkey ??= mkey;
        if (m.ReceiverId == 0 || (m.ReceiverId == d.UnknownReceiver && d.Receiver != 0)) m.ReceiverId = d.Receiver;
        if (m.SendingIpId == 0) m.SendingIpId = d.SendingIp;
        if (m.SenderDomainId == 0) m.SenderDomainId = d.SenderDomain;
        if (m.StreamId == 0) m.StreamId = d.Stream;
        var primary = IsPrimary(e);
        if (e.Action == DeliveryAction.Delayed)
        {
            if (primary)
            {
                if (m.LogDeferrals == 0 && m.ReportDeferrals > 0) m.SupersedeDeferrals = true;
                m.LogDeferrals++;
            }
            else m.ReportDeferrals++;
            // The latest deferral names the trouble until a failure decides it.
            if (m.Outcome is not (MessageOutcome.Bounced or MessageOutcome.Expired) && ts >= m.TroubleTs)
            {
                m.RuleSetId = d.RuleSet;
                m.TroubleTs = ts;
            }
        }
        else
        {
            var outcome = e.Action == DeliveryAction.Failed
                ? e.QueueExpired ? MessageOutcome.Expired : MessageOutcome.Bounced
                : MessageOutcome.Delivered;
            var decides = false;
            if (primary && m.LogFinal == MessageOutcome.Pending)
            {
                if (m.ReportFinal != MessageOutcome.Pending) m.SupersedeFinals = true;
                m.LogFinal = outcome;
                decides = true;
            }
            else if (!primary && m.ReportFinal == MessageOutcome.Pending)
            {
                m.ReportFinal = outcome;
                decides = m.LogFinal == MessageOutcome.Pending;
            }
            if (decides)
            {
                m.FinalTs = ts;
                m.FinalEvent = eventHash;
                // An expiry keeps the deferral that caused it as the trouble; a bounce names its own.
                if (outcome == MessageOutcome.Bounced || (outcome == MessageOutcome.Expired && m.RuleSetId == 0))
                {
                    m.RuleSetId = d.RuleSet;
                    m.TroubleTs = ts;
                }
            }
        }
    }

    /// <summary>Writes the transaction's changed messages, their rollups and the supersedings; call before committing, after the attempt rollups.</summary>
    public void Flush(SqliteTransaction tx)
    {
        foreach (var m in _dirty)
        {
            var rekey = !m.IsNew && (m.Qkey != m.StoredQkey || m.Mkey != m.StoredMkey || m.FirstTs != m.StoredFirstTs);
            var s = m.IsNew ? _insert : rekey ? _rekey : _update;
            s.Bind(1, m.Id);
            if (m.IsNew) s.Bind(2, m.Recipient);
            s.Bind(3, m.Qkey); s.Bind(4, m.Mkey); s.Bind(5, m.FirstTs); s.Bind(6, m.LastTs); s.Bind(7, m.ReceiverId);
            s.Bind(8, m.SendingIpId); s.Bind(9, m.SenderDomainId); s.Bind(10, m.StreamId); s.Bind(11, m.RuleSetId);
            s.Bind(12, m.TroubleTs); s.Bind(13, m.LogDeferrals); s.Bind(14, m.ReportDeferrals); s.Bind(15, (long)m.LogFinal);
            s.Bind(16, (long)m.ReportFinal); s.Bind(17, m.FinalTs); s.Bind(18, m.FinalEvent); s.Bind(19, (long)m.Outcome);
            s.Bind(20, m.Deferrals); s.Bind(21, m.Attempts);
            if (m.IsNew || rekey)
            {
                var key = MessageLookupKey.Of(m.Qkey, m.Recipient);
                long? hkey = m.Mkey is { } mk ? MessageLookupKey.Of(mk, m.Recipient) : null;
                s.Bind(KeyParameter, key);
                s.Bind(KeyParameter + 1, hkey);
                Remember(key, hkey, m.Id);
            }
            s.Execute();
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
        foreach (var (b, n) in _buckets)
        {
            if (n == 0) continue;
            _rollup.Bind(1, b.Hour); _rollup.Bind(2, b.Receiver); _rollup.Bind(3, b.Outcome); _rollup.Bind(4, b.Affected);
            _rollup.Bind(5, b.RuleSet); _rollup.Bind(6, b.SendingIp); _rollup.Bind(7, b.SenderDomain); _rollup.Bind(8, b.Stream);
            _rollup.Bind(9, n);
            _rollup.Execute();
        }
        Clear();
    }

    /// <summary>Forgets everything held for the transaction (after a commit or a rollback).</summary>
    public void Clear()
    {
        _byQueue.Clear();
        _byHeader.Clear();
        _held.Clear();
        _dirty.Clear();
        _buckets.Clear();
        _nextId = 0;
    }

    private void Count(MessageBucket b, long n) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, b, out _) += n;

    // Reports of what a log now records: marked superseded and taken out of the attempt rollups they were counted in.
    private void Supersede(long messageId, bool deferrals, SqliteTransaction tx)
    {
        var taken = new List<long[]>();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                UPDATE events SET superseded = 1 WHERE message_row = $m AND kind = 0 AND superseded = 0 AND (action = 1) = $d
                RETURNING ts, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id;
                """;
            cmd.Parameters.AddWithValue("$m", messageId);
            cmd.Parameters.AddWithValue("$d", deferrals ? 1 : 0);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = new long[9];
                for (var i = 0; i < 9; i++) row[i] = r.GetInt64(i);
                taken.Add(row);
            }
        }
        if (taken.Count == 0) return;
        using var dec = _connection.CreateCommand();
        dec.Transaction = tx;
        dec.CommandText = """
            UPDATE hourly SET n = n - 1 WHERE hour = $h AND receiver_id = $r AND action = $a AND reason_id = $re AND category_id = $c
                AND filter_id = $f AND ruleset_id = $rs AND sending_ip_id = $s AND sender_domain_id = $sd;
            DELETE FROM hourly WHERE hour = $h AND receiver_id = $r AND action = $a AND reason_id = $re AND category_id = $c
                AND filter_id = $f AND ruleset_id = $rs AND sending_ip_id = $s AND sender_domain_id = $sd AND n <= 0;
            """;
        string[] names = ["$h", "$r", "$a", "$re", "$c", "$f", "$rs", "$s", "$sd"];
        foreach (var n in names) dec.Parameters.Add(n, SqliteType.Integer);
        foreach (var row in taken)
        {
            var ts = row[0];
            dec.Parameters[0].Value = Math.DivRem(ts, 3600, out var rem) - (rem < 0 ? 1 : 0);
            for (var i = 1; i < 9; i++) dec.Parameters[i].Value = row[i];
            dec.ExecuteNonQuery();
        }
    }

    private MessageState? Load(RawStatement query, long key, string recipient, SqliteTransaction tx)
    {
        var lookup = MessageLookupKey.Of(key, recipient);
        if (_rows is not null && query == _byKey)
        {
            // Exact: absent was never stored; an ambiguous key is sought as before, by a scan now that the index is gone.
            var row = _rows.Find(lookup);
            if (row == MessageRowMap.Absent) return null;
            if (row != MessageRowMap.Ambiguous)
            {
                query = _byId;
                query.Bind(4, row);
            }
        }
        else if (!MayBeStored(lookup, tx)) return null;
        query.Bind(1, lookup);
        query.Bind(2, key);
        query.Bind(3, recipient);
        if (!query.QueryRow(_row)) return null;
        var r = _row;
        var m = new MessageState
        {
            Id = r[0], Qkey = r[1], Recipient = recipient, Mkey = r[2] == 0 ? null : r[2], FirstTs = r[3], LastTs = r[4],
            ReceiverId = r[5], SendingIpId = r[6], SenderDomainId = r[7], StreamId = r[8], RuleSetId = r[9], TroubleTs = r[10],
            LogDeferrals = r[11], ReportDeferrals = r[12], LogFinal = (MessageOutcome)r[13], ReportFinal = (MessageOutcome)r[14],
            FinalTs = r[13] == 0 && r[14] == 0 ? null : r[15], FinalEvent = r[13] == 0 && r[14] == 0 ? null : r[16],
        };
        m.StoredQkey = m.Qkey;
        m.StoredMkey = m.Mkey;
        m.StoredFirstTs = m.FirstTs;
        m.StoredBucket = m.Bucket;
        return m;
    }

    // False when the filter says the key was never stored; builds the filter once a writer has sought enough.
    private bool MayBeStored(long lookup, SqliteTransaction tx)
    {
        if (_filter is null && ++_seeks > SeeksBeforeFilter) _filter = ReadFilter(tx);
        return _filter?.MayContain(lookup) ?? true;
    }

    // Every stored lookup key, own uncommitted rows included (same connection and transaction).
    private MessageKeyFilter ReadFilter(SqliteTransaction tx)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(id), 0) FROM messages;";
        var filter = new MessageKeyFilter(2 * (long)cmd.ExecuteScalar()! + InitialCapacity);
        cmd.CommandText = "SELECT key FROM messages UNION ALL SELECT hkey FROM messages WHERE hkey IS NOT NULL;";
        using var r = cmd.ExecuteReader();
        while (r.Read()) filter.Add(r.GetInt64(0));
        return filter;
    }

    // A written row's keys go into the filter and the bulk map; a filter past its capacity is dropped and read again, larger, later.
    private void Remember(long key, long? hkey, long id)
    {
        _rows?.Add(key, id);
        if (_filter is null) return;
        _filter.Add(key);
        if (hkey is { } h && h != key) _filter.Add(h);
        if (_filter.Count <= _filter.Capacity) return;
        _filter = null;
        _seeks = 0;
    }

    private static bool IsEmpty(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM messages);";
        return (long)cmd.ExecuteScalar()! == 1;
    }

    private long NextId(SqliteTransaction tx)
    {
        if (_nextId == 0)
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT COALESCE(MAX(id), 0) + 1 FROM messages;";
            _nextId = (long)cmd.ExecuteScalar()!;
        }
        return _nextId++;
    }

    public void Dispose()
    {
        _byKey.Dispose();
        _byMkey.Dispose();
        _byId.Dispose();
        _insert.Dispose();
        _update.Dispose();
        _rekey.Dispose();
        _rollup.Dispose();
    }
}

/// <summary>The interned dimensions of one event, as the message join needs them.</summary>
internal readonly record struct EventDimensions(
    long Receiver, long UnknownReceiver, long SendingIp, long SenderDomain, long Stream, long RuleSet);
