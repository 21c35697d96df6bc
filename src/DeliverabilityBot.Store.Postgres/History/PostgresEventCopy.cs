using DeliverabilityBot.Store.Model;
using DeliverabilityBot.Store.Writing;
using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// A batch's new attempts into <c>events</c> by binary COPY (PostgreSQL routes each row to its day partition). Only
/// events whose identity was just claimed come here, so nothing can conflict and no staging table is needed.
/// </summary>
internal sealed class PostgresEventCopy : IDisposable
{
    private const string Columns = "hash, ts, ts_estimated, action, stage, kind, recipient, recipient_domain_id, receiver_id, reason_id, category_id, filter_id, ruleset_id, remote_host_id, remote_ip_id, sending_ip_id, sender_domain_id, reply_code, reply_id, reply_text, message_key, source_id, hard_bounce, retryable, message_row, superseded, stream_id";
    private readonly NpgsqlBinaryImporter _copy;

    private PostgresEventCopy(NpgsqlBinaryImporter copy) => _copy = copy;

    public static PostgresEventCopy Begin(NpgsqlConnection connection) =>
        new(connection.BeginBinaryImport($"COPY events ({Columns}) FROM STDIN (FORMAT BINARY);"));

    public void Row(in EventRow r)
    {
        var e = r.Event;
        var c = _copy;
        c.StartRow();
        c.Write(r.Hash, NpgsqlDbType.Bigint);
        c.Write(r.Ts, NpgsqlDbType.Bigint);
        c.Write((short)(e.TimestampEstimated ? 1 : 0), NpgsqlDbType.Smallint);
        c.Write(r.Key.Action, NpgsqlDbType.Integer);
        c.Write((int)e.Stage, NpgsqlDbType.Integer);
        c.Write((int)e.Kind, NpgsqlDbType.Integer);
        Text(e.Recipient);
        c.Write(r.RecipientDomain, NpgsqlDbType.Bigint);
        c.Write(r.Key.Receiver, NpgsqlDbType.Bigint);
        c.Write(r.Key.Reason, NpgsqlDbType.Bigint);
        c.Write(r.Key.Category, NpgsqlDbType.Bigint);
        c.Write(r.Key.Filter, NpgsqlDbType.Bigint);
        c.Write(r.Key.RuleSet, NpgsqlDbType.Bigint);
        c.Write(r.RemoteHost, NpgsqlDbType.Bigint);
        c.Write(r.RemoteIp, NpgsqlDbType.Bigint);
        c.Write(r.Key.SendingIp, NpgsqlDbType.Bigint);
        c.Write(r.Key.SenderDomain, NpgsqlDbType.Bigint);
        if (e.ReplyCode is { } code) c.Write(code, NpgsqlDbType.Integer); else c.WriteNull();
        Long(r.ReplyId);
        Text(r.ReplyText);
        Long(r.QueueKey);
        c.Write(r.Source, NpgsqlDbType.Bigint);
        c.Write((short)(e.HardBounce ? 1 : 0), NpgsqlDbType.Smallint);
        c.Write((short)(e.Retryable ? 1 : 0), NpgsqlDbType.Smallint);
        Long(r.MessageRow);
        c.Write((short)(r.Superseded ? 1 : 0), NpgsqlDbType.Smallint);
        c.Write(r.Stream, NpgsqlDbType.Bigint);
    }

    public void Complete() => _copy.Complete();

    public void Dispose() => _copy.Dispose();

    private void Long(long? v)
    {
        if (v is { } x) _copy.Write(x, NpgsqlDbType.Bigint);
        else _copy.WriteNull();
    }

    private void Text(string? v)
    {
        if (v is null) _copy.WriteNull();
        else _copy.Write(v, NpgsqlDbType.Text);
    }
}

/// <summary>One attempt as <c>events</c> stores it: the event and its interned ids.</summary>
internal readonly record struct EventRow(
    long Hash, long Ts, StoredEvent Event, long RecipientDomain, RollupKey Key, long RemoteHost, long RemoteIp, long? ReplyId,
    string? ReplyText, long? QueueKey, long Source, long? MessageRow, bool Superseded, long Stream);
