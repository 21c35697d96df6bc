using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Writing;

/// <summary>The prepared event insert; parameters are set by position (0..23) on the hot path.</summary>
internal static class EventInsertCommand
{
    private static readonly string[] Columns =
    [
        "hash", "ts", "ts_estimated", "action", "stage", "kind", "recipient", "recipient_domain_id", "receiver_id",
        "reason_id", "category_id", "filter_id", "ruleset_id", "remote_host_id", "remote_ip_id", "sending_ip_id",
        "sender_domain_id", "reply_code", "reply_id", "reply_text", "message_key", "source_id", "hard_bounce", "retryable",
    ];

    public static SqliteCommand Create(SqliteConnection connection)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = $"INSERT INTO events({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))}) ON CONFLICT(hash) DO NOTHING;";
        foreach (var c in Columns)
            cmd.Parameters.Add("$" + c, c is "recipient" or "reply_text" ? SqliteType.Text : SqliteType.Integer);
        return cmd;
    }
}
