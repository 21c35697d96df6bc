using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// The writer's staging tables: temporary (the session's own, never logged), filled by binary COPY and merged into the
/// real tables with one set-based statement per batch, then emptied.
/// </summary>
internal static class PostgresStaging
{
    public static void Ensure(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand($"""
            CREATE TEMP TABLE IF NOT EXISTS stage_event_ids (hash bigint NOT NULL, ts bigint NOT NULL);
            CREATE TEMP TABLE IF NOT EXISTS stage_messages (id bigint NOT NULL, recipient text NOT NULL,
                qkey bigint, mkey bigint, first_ts bigint, last_ts bigint, receiver_id bigint, sending_ip_id bigint, sender_domain_id bigint,
                stream_id bigint, ruleset_id bigint, trouble_ts bigint, log_deferrals bigint, report_deferrals bigint, log_final integer,
                report_final integer, final_ts bigint, final_event bigint, outcome integer, deferrals bigint, attempts bigint);
            """, connection, tx);
        cmd.ExecuteNonQuery();
    }
}
