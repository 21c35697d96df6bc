using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Schema;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>
/// Writes batches of events with their hourly rollups, one transaction per batch: a batch is stored whole or
/// not at all, and an event already present (same <see cref="ContentHash"/>) is skipped and not counted twice.
/// Not thread-safe: one writer per connection.
/// </summary>
public sealed class EventWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DimensionCache _dims;
    private readonly ReplyCache _replies;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _rollup;
    private readonly Dictionary<RollupKey, RollupCount> _pending = new();

    internal EventWriter(SqliteConnection connection)
    {
        _connection = connection;
        _dims = new DimensionCache(connection);
        _replies = new ReplyCache(connection);
        _insert = EventInsertCommand.Create(connection);
        _rollup = connection.CreateCommand();
        _rollup.CommandText = """
            INSERT INTO hourly(hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id, n, first_ts, last_ts)
            VALUES ($hour, $receiver, $action, $reason, $category, $filter, $ruleset, $sip, $sdom, $n, $first, $last)
            ON CONFLICT DO UPDATE SET n = n + excluded.n, first_ts = min(first_ts, excluded.first_ts), last_ts = max(last_ts, excluded.last_ts);
            """;
        foreach (var p in new[] { "$hour", "$receiver", "$action", "$reason", "$category", "$filter", "$ruleset", "$sip", "$sdom", "$n", "$first", "$last" })
            _rollup.Parameters.Add(p, SqliteType.Integer);
    }

    /// <summary>Stores a batch in one transaction; returns how many were new.</summary>
    public WriteResult Write(IReadOnlyList<StoredEvent> batch)
    {
        if (batch.Count == 0) return default;
        using var tx = _connection.BeginTransaction();
        try
        {
            var stored = 0;
            foreach (var e in batch)
                if (Insert(e, tx)) stored++;
            FlushRollups(tx);
            tx.Commit();
            return new WriteResult(batch.Count, stored);
        }
        catch
        {
            _pending.Clear();
            _dims.Reload();
            _replies.Clear();
            throw;
        }
    }

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
            RuleSet: _dims.IdOf(DimensionKind.RuleSet, e.RuleIds.Count == 0 ? null : string.Join(' ', e.RuleIds), tx),
            SendingIp: _dims.IdOf(DimensionKind.SendingIp, e.SendingIp, tx),
            SenderDomain: _dims.IdOf(DimensionKind.SenderDomain, e.SenderDomain, tx));

        var p = _insert.Parameters;
        _insert.Transaction = tx;
        p[0].Value = ContentHash.Of(e);
        p[1].Value = ts;
        p[2].Value = e.TimestampEstimated ? 1 : 0;
        p[3].Value = key.Action;
        p[4].Value = (int)e.Stage;
        p[5].Value = (int)e.Kind;
        p[6].Value = (object?)e.Recipient ?? DBNull.Value;
        p[7].Value = _dims.IdOf(DimensionKind.RecipientDomain, e.RecipientDomain, tx);
        p[8].Value = key.Receiver;
        p[9].Value = key.Reason;
        p[10].Value = key.Category;
        p[11].Value = key.Filter;
        p[12].Value = key.RuleSet;
        p[13].Value = _dims.IdOf(DimensionKind.RemoteHost, e.RemoteHost, tx);
        p[14].Value = _dims.IdOf(DimensionKind.RemoteIp, e.RemoteIp, tx);
        p[15].Value = key.SendingIp;
        p[16].Value = key.SenderDomain;
        p[17].Value = (object?)e.ReplyCode ?? DBNull.Value;
        // Delivered replies carry queue ids, so interning them would only grow the replies table.
        var inline = e.Action == DeliveryAction.Delivered || e.Reply.Length == 0;
        p[18].Value = inline ? DBNull.Value : _replies.IdOf(e.Reply, tx);
        p[19].Value = inline && e.Reply.Length > 0 ? e.Reply : DBNull.Value;
        p[20].Value = e.MessageId is null ? DBNull.Value : ContentHash.OfText(e.MessageId);
        p[21].Value = _dims.IdOf(DimensionKind.Source, e.Source, tx);
        p[22].Value = e.HardBounce ? 1 : 0;
        p[23].Value = e.Retryable ? 1 : 0;
        if (_insert.ExecuteNonQuery() == 0) return false;

        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_pending, key, out var existed);
        count.N++;
        count.First = existed ? Math.Min(count.First, ts) : ts;
        count.Last = existed ? Math.Max(count.Last, ts) : ts;
        return true;
    }

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
        _insert.Dispose();
        _rollup.Dispose();
    }
}
