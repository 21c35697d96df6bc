using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>The prepared event insert; parameters are bound by position (1..27, in <see cref="Columns"/> order) on the hot path.</summary>
internal static class EventInsertCommand
{
    /// <summary>The columns, in parameter order.</summary>
    public static readonly string[] Columns =
    [
        "hash", "ts", "ts_estimated", "action", "stage", "kind", "recipient", "recipient_domain_id", "receiver_id",
        "reason_id", "category_id", "filter_id", "ruleset_id", "remote_host_id", "remote_ip_id", "sending_ip_id",
        "sender_domain_id", "reply_code", "reply_id", "reply_text", "message_key", "source_id", "hard_bounce", "retryable",
        "message_row", "superseded", "stream_id",
    ];

    /// <summary>
    /// Prepares the insert; an event already stored is skipped (0 rows changed): a log line with a queue id when its
    /// message holds its hash, any other event when the table does (schema 6's two unique indexes).
    /// </summary>
    public static RawStatement Create(SqliteConnection connection) =>
        new(connection, $"INSERT INTO events({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => "?" + (i + 1)))}) ON CONFLICT DO NOTHING;");
}
