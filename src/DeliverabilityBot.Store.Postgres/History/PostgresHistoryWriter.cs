using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Schema;
using DeliverabilityBot.Store.Writing;
using DeliverabilityBot.Store.Writing.Messages;
using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// Writes events into PostgreSQL as the SQLite writer does: one transaction per batch with the hourly rollups and the
/// messages the batch touched; an event whose identity is stored already is skipped. Holds the store's advisory writer
/// lock on its connection until disposed. Not thread-safe.
/// </summary>
internal sealed class PostgresHistoryWriter : IHistoryWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresDimensions _dims;
    private readonly PostgresReplies _replies;
    private readonly EventIdentity _identity;
    private readonly PostgresMessageJoiner _messages;
    private readonly PostgresPartitions _partitions;
    private readonly NpgsqlCommand _insert;
    private readonly Dictionary<RollupKey, RollupCount> _pending = new();
    private NpgsqlTransaction? _tx;
    private long _unknownReceiver = -1;
    private int _offered;
    private int _stored;

    public PostgresHistoryWriter(NpgsqlConnection connection, int batchSize)
    {
        _connection = connection;
        BatchSize = Math.Max(1, batchSize);
        _identity = EventIdentity.For(Identity(connection));
        _dims = new PostgresDimensions(connection);
        _replies = new PostgresReplies(connection, _identity);
        _messages = new PostgresMessageJoiner(connection);
        _partitions = new PostgresPartitions(connection);
        // The identity decides: an event already stored inserts nothing (0 rows), whoever stored it.
        _insert = new NpgsqlCommand("""
            WITH fresh AS (INSERT INTO event_ids(hash, ts) VALUES (@p1, @p2) ON CONFLICT DO NOTHING RETURNING hash)
            INSERT INTO events(hash, ts, ts_estimated, action, stage, kind, recipient, recipient_domain_id, receiver_id, reason_id,
                category_id, filter_id, ruleset_id, remote_host_id, remote_ip_id, sending_ip_id, sender_domain_id, reply_code,
                reply_id, reply_text, message_key, source_id, hard_bounce, retryable, message_row, superseded, stream_id)
            SELECT @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20,
                @p21, @p22, @p23, @p24, @p25, @p26, @p27 FROM fresh;
            """, connection);
        for (var i = 1; i <= 27; i++) _insert.Parameters.Add(new NpgsqlParameter($"p{i}", i is 7 or 20 ? NpgsqlTypes.NpgsqlDbType.Text : i is 3 or 23 or 24 or 26 ? NpgsqlTypes.NpgsqlDbType.Smallint : i is 4 or 5 or 6 or 18 ? NpgsqlTypes.NpgsqlDbType.Integer : NpgsqlTypes.NpgsqlDbType.Bigint));
    }

    public int BatchSize { get; }

    public WriteResult Total { get; private set; }

    public event Action<WriteResult>? BatchCommitted;

    public void Add(StoredEvent e)
    {
        _tx ??= _connection.BeginTransaction();
        try
        {
            _offered++;
            if (Insert(e, _tx)) _stored++;
        }
        catch
        {
            Rollback();
            throw;
        }
        if (_offered >= BatchSize) Flush();
    }

    public void Flush()
    {
        if (_tx is null) return;
        try
        {
            FlushRollups(_tx);
            _messages.Flush(_tx);
            _tx.Commit();
        }
        catch
        {
            Rollback();
            throw;
        }
        var result = new WriteResult(_offered, _stored);
        _tx.Dispose();
        _tx = null;
        _offered = _stored = 0;
        if (result.Offered == 0) return;
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
            if (_tx is not null) Rollback();
            _insert.Dispose();
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
        _messages.Clear();
        _unknownReceiver = -1;
        _offered = _stored = 0;
        try { _tx?.Dispose(); }
        finally
        {
            _tx = null;
            _dims.Reload();
            _replies.Clear();
            _partitions.Reload();
        }
    }

    private bool Insert(StoredEvent e, NpgsqlTransaction tx)
    {
        var ts = e.Timestamp.ToUnixTimeSeconds();
        _partitions.Ensure(ts, tx);
        var key = new RollupKey(
            Hour: Math.DivRem(ts, 3600, out var rem) - (rem < 0 ? 1 : 0),
            Receiver: _dims.IdOf(DimensionKind.Receiver, e.Receiver, tx),
            Action: (int)e.Action,
            Reason: _dims.IdOf(DimensionKind.Reason, e.Reason, tx),
            Category: _dims.IdOf(DimensionKind.Category, e.Category, tx),
            Filter: _dims.IdOf(DimensionKind.Filter, e.Filter, tx),
            RuleSet: _dims.IdOf(DimensionKind.RuleSet, e.RuleIds.Count == 0 ? null : string.Join(' ', e.RuleIds), tx),
            SendingIp: _dims.IdOf(DimensionKind.SendingIp, e.SendingIp, tx),
            SenderDomain: _dims.IdOf(DimensionKind.SenderDomain, e.SenderDomain, tx));

        var hash = _identity.Of(e);
        long? queueKey = e.MessageId is null ? null : _identity.OfText(e.MessageId);
        long? mkey = e.HeaderMessageId is null ? null : _identity.OfText(e.HeaderMessageId);
        var message = _messages.Find(e, hash, queueKey, mkey, tx);
        var superseded = MessageJoiner.IsSuperseded(message, e);
        var stream = _dims.IdOf(DimensionKind.Stream, e.Stream, tx);
        // Delivered replies carry queue ids, so interning them would only grow the replies table.
        var inline = e.Action == DeliveryAction.Delivered || e.Reply.Length == 0;
        object?[] values =
        [
            hash, ts, (short)(e.TimestampEstimated ? 1 : 0), key.Action, (int)e.Stage, (int)e.Kind, e.Recipient,
            _dims.IdOf(DimensionKind.RecipientDomain, e.RecipientDomain, tx), key.Receiver, key.Reason, key.Category, key.Filter,
            key.RuleSet, _dims.IdOf(DimensionKind.RemoteHost, e.RemoteHost, tx), _dims.IdOf(DimensionKind.RemoteIp, e.RemoteIp, tx),
            key.SendingIp, key.SenderDomain, e.ReplyCode, inline ? null : _replies.IdOf(e.Reply, tx),
            inline && e.Reply.Length > 0 ? e.Reply : null, queueKey, _dims.IdOf(DimensionKind.Source, e.Source, tx),
            (short)(e.HardBounce ? 1 : 0), (short)(e.Retryable ? 1 : 0), message?.Id, (short)(superseded ? 1 : 0), stream,
        ];
        for (var i = 0; i < values.Length; i++) _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        _insert.Transaction = tx;
        if (_insert.ExecuteNonQuery() == 0)
        {
            _messages.Discard(message, queueKey, hash);
            return false;
        }
        if (message is not null)
        {
            var dims = new EventDimensions(key.Receiver, UnknownReceiver(tx), key.SendingIp, key.SenderDomain, stream, key.RuleSet);
            _messages.Apply(message, e, ts, hash, queueKey, mkey, dims);
        }
        // A report of what a log already recorded is evidence, not another attempt.
        if (superseded) return true;
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_pending, key, out var existed);
        count.N++;
        count.First = existed ? Math.Min(count.First, ts) : ts;
        count.Last = existed ? Math.Max(count.Last, ts) : ts;
        return true;
    }

    private long UnknownReceiver(NpgsqlTransaction tx) =>
        _unknownReceiver >= 0 ? _unknownReceiver : _unknownReceiver = _dims.IdOf(DimensionKind.Receiver, "unknown", tx);

    private void FlushRollups(NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand("""
            INSERT INTO hourly(hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id, n, first_ts, last_ts)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
            ON CONFLICT (hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id)
            DO UPDATE SET n = hourly.n + excluded.n, first_ts = LEAST(hourly.first_ts, excluded.first_ts), last_ts = GREATEST(hourly.last_ts, excluded.last_ts);
            """, _connection, tx);
        for (var i = 0; i < 12; i++) cmd.Parameters.Add(new NpgsqlParameter($"p{i}", i == 2 ? NpgsqlTypes.NpgsqlDbType.Integer : NpgsqlTypes.NpgsqlDbType.Bigint));
        foreach (var (k, c) in _pending)
        {
            object[] v = [k.Hour, k.Receiver, k.Action, k.Reason, k.Category, k.Filter, k.RuleSet, k.SendingIp, k.SenderDomain, c.N, c.First, c.Last];
            for (var i = 0; i < v.Length; i++) cmd.Parameters[i].Value = v[i];
            cmd.ExecuteNonQuery();
        }
        _pending.Clear();
    }
}
