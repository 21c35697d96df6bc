using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Schema;
using DeliverabilityBot.Store.Writing;
using DeliverabilityBot.Store.Writing.Messages;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// Writes events into PostgreSQL as the SQLite writer does (same identities, joins and rollups), set-based: events are
/// held until the batch is full, then one transaction interns the batch's new dimensions and replies, claims its
/// identities (binary COPY into a staging table, one <c>INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING</c>), reads the
/// messages it may join in one statement, copies the new attempts in with binary COPY and merges messages and rollups
/// with one statement each; a handful of round trips per batch instead of several per event. An event whose identity
/// is stored already is skipped. Holds the store's advisory writer lock on its connection until disposed. Not thread-safe.
/// </summary>
internal sealed class PostgresHistoryWriter : IHistoryWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresDimensions _dims;
    private readonly PostgresReplies _replies;
    private readonly EventIdentity _identity;
    private readonly PostgresMessageJoiner _messages;
    private readonly PostgresPartitions _partitions;
    private readonly List<PendingEvent> _batch = new();
    private readonly Dictionary<RollupKey, RollupCount> _pending = new();
    private readonly PostgresRecipientRollup _recipients = new();

    public PostgresHistoryWriter(NpgsqlConnection connection, int batchSize)
    {
        _connection = connection;
        BatchSize = Math.Max(1, batchSize);
        _identity = EventIdentity.For(Identity(connection));
        _dims = new PostgresDimensions(connection);
        _replies = new PostgresReplies(connection, _identity);
        _messages = new PostgresMessageJoiner(connection);
        _partitions = new PostgresPartitions(connection);
    }

    public int BatchSize { get; }

    public WriteResult Total { get; private set; }

    public event Action<WriteResult>? BatchCommitted;

    public void Add(StoredEvent e)
    {
        try
        {
            // What can fail on a malformed event fails here, at its Add, as in a writer that writes as it goes.
            _batch.Add(new PendingEvent(e, e.Timestamp.ToUnixTimeSeconds(), _identity.Of(e),
                e.MessageId is null ? null : _identity.OfText(e.MessageId), e.HeaderMessageId is null ? null : _identity.OfText(e.HeaderMessageId), Inline(e)));
        }
        catch
        {
            _batch.Clear();
            throw;
        }
        if (_batch.Count >= BatchSize) Flush();
    }

    public void Flush()
    {
        if (_batch.Count == 0) return;
        WriteResult result;
        try
        {
            using var tx = _connection.BeginTransaction();
            result = new WriteResult(_batch.Count, Write(tx));
            tx.Commit();
        }
        catch
        {
            // The transaction is rolled back by now (disposed): what the batch cached is forgotten.
            Rollback();
            throw;
        }
        finally
        {
            _batch.Clear();
        }
        Total += result;
        BatchCommitted?.Invoke(result);
    }

    public void RecordSource(string path, long bytes, long events, long stored)
    {
        Flush();
        using var cmd = new NpgsqlCommand("INSERT INTO sources(path, bytes, events, stored, ingested) VALUES (@p, @b, @e, @s, @t);", _connection);
        cmd.Parameters.AddWithValue("p", path);
        cmd.Parameters.AddWithValue("b", bytes);
        cmd.Parameters.AddWithValue("e", events);
        cmd.Parameters.AddWithValue("s", stored);
        cmd.Parameters.AddWithValue("t", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        cmd.ExecuteNonQuery();
    }

    public long ApplyRetention(int days, DateTimeOffset now)
    {
        if (days <= 0) return 0;
        Flush();
        using var tx = _connection.BeginTransaction();
        using var cmd = new NpgsqlCommand("SELECT MAX(ts) FROM events WHERE ts_estimated = 0;", _connection, tx);
        if (cmd.ExecuteScalar() is not long newest) return 0;
        // Aligned to the hour so events and hourly rollups are cut at the same instant.
        var cutoff = (Math.Min(newest, now.ToUnixTimeSeconds()) - days * 86_400L) / 3600 * 3600;
        cmd.Parameters.AddWithValue("cut", cutoff);
        // Every stored event has its identity row with the same time: what that deletes is what the events lose.
        cmd.CommandText = "DELETE FROM event_ids WHERE ts < @cut;";
        long deleted = cmd.ExecuteNonQuery();
        _partitions.DropBefore(cutoff, tx);
        cmd.CommandText = """
            DELETE FROM events WHERE ts < @cut;
            DELETE FROM hourly WHERE hour < @cut / 3600;
            DELETE FROM recipients_hourly WHERE hour < @cut / 3600;
            DELETE FROM messages WHERE first_ts < @cut;
            DELETE FROM messages_hourly WHERE hour < @cut / 3600;
            """;
        cmd.ExecuteNonQuery();
        tx.Commit();
        return deleted;
    }

    public void Dispose()
    {
        try { Flush(); }
        finally
        {
            _connection.Dispose(); // closing the session releases the writer lock
        }
    }

    private static IdentityScheme Identity(NpgsqlConnection c)
    {
        using var cmd = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'identity';", c);
        return cmd.ExecuteScalar() switch
        {
            "sha256" => IdentityScheme.Sha256,
            "xxh3" => IdentityScheme.XxHash3,
            var other => throw new StoreException($"unknown identity scheme '{other}' in the meta table; upgrade dbot."),
        };
    }

    private void Rollback()
    {
        _pending.Clear();
        _recipients.Clear();
        _messages.Clear();
        _dims.Reload();
        _replies.Clear();
        _partitions.Reload();
    }

    // The batch in one transaction; returns how many of its events were new.
    private int Write(NpgsqlTransaction tx)
    {
        // Identities first: an event stored already (by anyone, or earlier in this batch) changes nothing.
        var rows = new List<PendingEvent>(_batch.Count);
        var seen = new HashSet<long>();
        foreach (var p in _batch)
            if (seen.Add(p.Hash)) rows.Add(p);
        PostgresStaging.Ensure(_connection, tx);
        var fresh = ClaimIdentities(rows, tx);
        rows.RemoveAll(r => !fresh.Contains(r.Hash));
        if (rows.Count == 0) return 0;

        _replies.StartBatch();
        var byQueue = new HashSet<MessageKey>();
        var byHeader = new HashSet<MessageKey>();
        _dims.Note(DimensionKind.Receiver, "unknown");
        foreach (var r in rows)
        {
            var e = r.Event;
            _partitions.Ensure(r.Ts, tx);
            _dims.Note(DimensionKind.Receiver, e.Receiver);
            _dims.Note(DimensionKind.Reason, e.Reason);
            _dims.Note(DimensionKind.Category, e.Category);
            _dims.Note(DimensionKind.Filter, e.Filter);
            _dims.Note(DimensionKind.RuleSet, RuleSet(e));
            _dims.Note(DimensionKind.SendingIp, e.SendingIp);
            _dims.Note(DimensionKind.SenderDomain, e.SenderDomain);
            _dims.Note(DimensionKind.Stream, e.Stream);
            _dims.Note(DimensionKind.RecipientDomain, e.RecipientDomain);
            _dims.Note(DimensionKind.RemoteHost, e.RemoteHost);
            _dims.Note(DimensionKind.RemoteIp, e.RemoteIp);
            _dims.Note(DimensionKind.Source, e.Source);
            if (!r.Inline) _replies.Note(e.Reply);
            if (PostgresMessageJoiner.KeysOf(e, r.Hash, r.QueueKey, r.Mkey) is { } keys)
            {
                byQueue.Add(keys.Queue);
                if (keys.Header is { } h) byHeader.Add(h);
            }
        }
        _dims.InternNoted(tx);
        _replies.InternNoted(tx);
        _messages.Preload(byQueue, byHeader, tx);

        var unknown = _dims.IdOf(DimensionKind.Receiver, "unknown");
        using (var copy = PostgresEventCopy.Begin(_connection))
        {
            foreach (var r in rows) Insert(r, unknown, copy, tx);
            copy.Complete();
        }
        FlushRollups(tx);
        _recipients.Flush(_connection, tx);
        _messages.Flush(tx);
        return rows.Count;
    }

    // Copies the hashes into staging, inserts the ones not stored yet; the identity decides, whoever stored it.
    private HashSet<long> ClaimIdentities(List<PendingEvent> rows, NpgsqlTransaction tx)
    {
        using (var copy = _connection.BeginBinaryImport("COPY stage_event_ids (hash, ts) FROM STDIN (FORMAT BINARY);"))
        {
            foreach (var r in rows)
            {
                copy.StartRow();
                copy.Write(r.Hash, NpgsqlTypes.NpgsqlDbType.Bigint);
                copy.Write(r.Ts, NpgsqlTypes.NpgsqlDbType.Bigint);
            }
            copy.Complete();
        }
        var fresh = new HashSet<long>(rows.Count);
        using var cmd = new NpgsqlCommand(
            "INSERT INTO event_ids(hash, ts) SELECT hash, ts FROM stage_event_ids ON CONFLICT DO NOTHING RETURNING hash;", _connection, tx);
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) fresh.Add(reader.GetInt64(0));
        using var truncate = new NpgsqlCommand("TRUNCATE stage_event_ids;", _connection, tx);
        truncate.ExecuteNonQuery();
        return fresh;
    }

    private static string? RuleSet(StoredEvent e) => e.RuleIds.Count == 0 ? null : string.Join(' ', e.RuleIds);

    // Delivered replies carry queue ids, so interning them would only grow the replies table.
    private static bool Inline(StoredEvent e) => e.Action == DeliveryAction.Delivered || e.Reply.Length == 0;

    private void Insert(in PendingEvent r, long unknownReceiver, PostgresEventCopy copy, NpgsqlTransaction tx)
    {
        var (e, ts, hash, queueKey, mkey, inline) = r;
        var key = new RollupKey(
            Hour: Math.DivRem(ts, 3600, out var rem) - (rem < 0 ? 1 : 0),
            Receiver: _dims.IdOf(DimensionKind.Receiver, e.Receiver),
            Action: (int)e.Action,
            Reason: _dims.IdOf(DimensionKind.Reason, e.Reason),
            Category: _dims.IdOf(DimensionKind.Category, e.Category),
            Filter: _dims.IdOf(DimensionKind.Filter, e.Filter),
            RuleSet: _dims.IdOf(DimensionKind.RuleSet, RuleSet(e)),
            SendingIp: _dims.IdOf(DimensionKind.SendingIp, e.SendingIp),
            SenderDomain: _dims.IdOf(DimensionKind.SenderDomain, e.SenderDomain));
        var message = _messages.Find(e, hash, queueKey, mkey, tx);
        var superseded = MessageJoiner.IsSuperseded(message, e);
        var stream = _dims.IdOf(DimensionKind.Stream, e.Stream);
        copy.Row(new EventRow(hash, ts, e, _dims.IdOf(DimensionKind.RecipientDomain, e.RecipientDomain), key,
            _dims.IdOf(DimensionKind.RemoteHost, e.RemoteHost), _dims.IdOf(DimensionKind.RemoteIp, e.RemoteIp),
            inline ? null : _replies.IdOf(e.Reply), inline && e.Reply.Length > 0 ? e.Reply : null, queueKey,
            _dims.IdOf(DimensionKind.Source, e.Source), message?.Id, superseded, stream));
        if (message is not null)
        {
            var dims = new EventDimensions(key.Receiver, unknownReceiver, key.SendingIp, key.SenderDomain, stream, key.RuleSet);
            _messages.Apply(message, e, ts, hash, queueKey, mkey, dims);
        }
        // A report of what a log already recorded is evidence, not another attempt.
        if (superseded) return;
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_pending, key, out var existed);
        count.N++;
        count.First = existed ? Math.Min(count.First, ts) : ts;
        count.Last = existed ? Math.Max(count.Last, ts) : ts;
        if (e.Action != DeliveryAction.Delivered && e.Recipient is { } recipient) _recipients.Count(key.RuleSet, key.Hour, key.Receiver, recipient);
    }

    private void FlushRollups(NpgsqlTransaction tx)
    {
        if (_pending.Count == 0) return;
        var rows = _pending.ToList();
        _pending.Clear();
        using var cmd = new NpgsqlCommand("""
            INSERT INTO hourly(hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id, n, first_ts, last_ts)
            SELECT * FROM unnest(@h, @r, @a, @re, @c, @f, @rs, @s, @sd, @n, @first, @last)
            ON CONFLICT (hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id)
            DO UPDATE SET n = hourly.n + excluded.n, first_ts = LEAST(hourly.first_ts, excluded.first_ts), last_ts = GREATEST(hourly.last_ts, excluded.last_ts);
            """, _connection, tx);
        PostgresArrays.Add(cmd, "h", rows.Select(p => p.Key.Hour));
        PostgresArrays.Add(cmd, "r", rows.Select(p => p.Key.Receiver));
        PostgresArrays.Add(cmd, "a", rows.Select(p => p.Key.Action));
        PostgresArrays.Add(cmd, "re", rows.Select(p => p.Key.Reason));
        PostgresArrays.Add(cmd, "c", rows.Select(p => p.Key.Category));
        PostgresArrays.Add(cmd, "f", rows.Select(p => p.Key.Filter));
        PostgresArrays.Add(cmd, "rs", rows.Select(p => p.Key.RuleSet));
        PostgresArrays.Add(cmd, "s", rows.Select(p => p.Key.SendingIp));
        PostgresArrays.Add(cmd, "sd", rows.Select(p => p.Key.SenderDomain));
        PostgresArrays.Add(cmd, "n", rows.Select(p => p.Value.N));
        PostgresArrays.Add(cmd, "first", rows.Select(p => p.Value.First));
        PostgresArrays.Add(cmd, "last", rows.Select(p => p.Value.Last));
        cmd.ExecuteNonQuery();
    }

    private readonly record struct PendingEvent(StoredEvent Event, long Ts, long Hash, long? QueueKey, long? Mkey, bool Inline);
}
