using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Schema;
using DeliverabilityBot.Store.Writing.Messages;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// Writes events with their hourly rollups, one transaction per batch, streamed (rows go in as they are added; nothing
/// is buffered in memory but the rollups): a batch is stored whole or not at all, and an event already present (same <see cref="EventIdentity"/>) is skipped and not counted twice.
/// Not thread-safe: one writer per connection.
/// </summary>
public sealed class EventWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DimensionCache _dims;
    private readonly ReplyCache _replies;
    private readonly EventIdentity _identity;
    private readonly RawStatement _insert;
    private readonly SqliteCommand _rollup;
    private readonly MessageJoiner _messages;
    private readonly Dictionary<RollupKey, RollupCount> _pending = new();
    private SqliteTransaction? _tx;
    private long _unknownReceiver = -1;
    private int _offered;
    private int _stored;

    internal EventWriter(SqliteConnection connection)
    {
        _connection = connection;
        _dims = new DimensionCache(connection);
        _identity = EventIdentity.For(StoreMeta.Identity(connection));
        _replies = new ReplyCache(connection, _identity);
        _insert = EventInsertCommand.Create(connection);
        _messages = new MessageJoiner(connection);
        _rollup = connection.CreateCommand();
        _rollup.CommandText = """
            INSERT INTO hourly(hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id, n, first_ts, last_ts)
            VALUES ($hour, $receiver, $action, $reason, $category, $filter, $ruleset, $sip, $sdom, $n, $first, $last)
            ON CONFLICT DO UPDATE SET n = n + excluded.n, first_ts = min(first_ts, excluded.first_ts), last_ts = max(last_ts, excluded.last_ts);
            """;
        foreach (var p in new[] { "$hour", "$receiver", "$action", "$reason", "$category", "$filter", "$ruleset", "$sip", "$sdom", "$n", "$first", "$last" })
            _rollup.Parameters.Add(p, SqliteType.Integer);
    }

    /// <summary>Events added to the open transaction (0 when none is open).</summary>
    public int Pending => _offered;

    /// <summary>
    /// Adds an event to the open transaction, opening one if needed; returns whether it was new. On failure the whole
    /// open transaction is rolled back (nothing of it is stored) and the exception is rethrown.
    /// </summary>
    public bool Add(StoredEvent e)
    {
        _tx ??= _connection.BeginTransaction();
        try
        {
            _offered++;
            if (!Insert(e, _tx)) return false;
            _stored++;
            return true;
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    /// <summary>Commits the open transaction with its hourly rollups; returns what it stored (nothing when none is open).</summary>
    public WriteResult Commit()
    {
        if (_tx is null) return default;
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
        return result;
    }

    /// <summary>Finds messages through an exact map instead of the lookup index, which a bulk import drops; call between transactions.</summary>
    internal void BeginBulk()
    {
        if (_tx is not null) throw new InvalidOperationException("A bulk import starts between transactions.");
        _messages.BeginBulk();
    }

    /// <summary>Finds messages through the lookup index again (built again by then).</summary>
    internal void EndBulk() => _messages.EndBulk();

    /// <summary>Stores a batch in one transaction; returns how many were new.</summary>
    public WriteResult Write(IReadOnlyList<StoredEvent> batch)
    {
        foreach (var e in batch) Add(e);
        return Commit();
    }

    // Drops the open transaction and whatever was cached inside it.
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
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Insert(StoredEvent e, SqliteTransaction tx)
    {
        var ts = e.Timestamp.ToUnixTimeSeconds();
        var key = new RollupKey(
            Hour: Math.DivRem(ts, 3600, out var rem) - (rem < 0 ? 1 : 0),
            Receiver: _dims.IdOf(DimensionKind.Receiver, e.Receiver, tx),
            Action: (int)e.Action,
            Reason: _dims.IdOf(DimensionKind.Reason, e.Reason, tx),
            Category: _dims.IdOf(DimensionKind.Category, e.Category, tx),
            Filter: _dims.IdOf(DimensionKind.Filter, e.Filter, tx),
            RuleSet: _dims.IdOf(DimensionKind.RuleSet, RuleSetText(e.RuleIds), tx),
            SendingIp: _dims.IdOf(DimensionKind.SendingIp, e.SendingIp, tx),
            SenderDomain: _dims.IdOf(DimensionKind.SenderDomain, e.SenderDomain, tx));

        var hash = _identity.Of(e);
        long? queueKey = e.MessageId is null ? null : _identity.OfText(e.MessageId);
        long? mkey = e.HeaderMessageId is null ? null : _identity.OfText(e.HeaderMessageId);
        var message = _messages.Find(e, hash, queueKey, mkey, tx);
        var superseded = MessageJoiner.IsSuperseded(message, e);
        var stream = _dims.IdOf(DimensionKind.Stream, e.Stream, tx);

        var p = _insert;
        p.Bind(1, hash);
        p.Bind(2, ts);
        p.Bind(3, e.TimestampEstimated ? 1 : 0);
        p.Bind(4, key.Action);
        p.Bind(5, (int)e.Stage);
        p.Bind(6, (int)e.Kind);
        p.Bind(7, e.Recipient);
        p.Bind(8, _dims.IdOf(DimensionKind.RecipientDomain, e.RecipientDomain, tx));
        p.Bind(9, key.Receiver);
        p.Bind(10, key.Reason);
        p.Bind(11, key.Category);
        p.Bind(12, key.Filter);
        p.Bind(13, key.RuleSet);
        p.Bind(14, _dims.IdOf(DimensionKind.RemoteHost, e.RemoteHost, tx));
        p.Bind(15, _dims.IdOf(DimensionKind.RemoteIp, e.RemoteIp, tx));
        p.Bind(16, key.SendingIp);
        p.Bind(17, key.SenderDomain);
        p.Bind(18, e.ReplyCode);
        // Delivered replies carry queue ids, so interning them would only grow the replies table.
        var inline = e.Action == DeliveryAction.Delivered || e.Reply.Length == 0;
        p.Bind(19, inline ? null : _replies.IdOf(e.Reply, tx));
        p.Bind(20, inline && e.Reply.Length > 0 ? e.Reply : null);
        p.Bind(21, queueKey);
        p.Bind(22, _dims.IdOf(DimensionKind.Source, e.Source, tx));
        p.Bind(23, e.HardBounce ? 1 : 0);
        p.Bind(24, e.Retryable ? 1 : 0);
        p.Bind(25, message?.Id);
        p.Bind(26, superseded ? 1 : 0);
        p.Bind(27, stream);
        if (_insert.Execute() == 0)
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

    // The id of receiver "unknown", which a message trades for the first known receiver of its evidence.
    private long UnknownReceiver(SqliteTransaction tx) =>
        _unknownReceiver >= 0 ? _unknownReceiver : _unknownReceiver = _dims.IdOf(DimensionKind.Receiver, "unknown", tx);

    // The rule ids as one dimension value; the common cases (none, one) without building a string.
    private static string? RuleSetText(IReadOnlyList<string> ids) => ids.Count switch
    {
        0 => null,
        1 => ids[0],
        _ => string.Join(' ', ids),
    };

    private void FlushRollups(SqliteTransaction tx)
    {
        _rollup.Transaction = tx;
        var p = _rollup.Parameters;
        foreach (var (k, c) in _pending)
        {
            p[0].Value = k.Hour; p[1].Value = k.Receiver; p[2].Value = k.Action; p[3].Value = k.Reason;
            p[4].Value = k.Category; p[5].Value = k.Filter; p[6].Value = k.RuleSet; p[7].Value = k.SendingIp;
            p[8].Value = k.SenderDomain; p[9].Value = c.N; p[10].Value = c.First; p[11].Value = c.Last;
            _rollup.ExecuteNonQuery();
        }
        _pending.Clear();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_tx is not null) Rollback();
        _insert.Dispose();
        _rollup.Dispose();
        _messages.Dispose();
    }
}
