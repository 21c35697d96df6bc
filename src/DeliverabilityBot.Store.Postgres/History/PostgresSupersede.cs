using Npgsql;

namespace DeliverabilityBot.Store.Postgres.History;

/// <summary>
/// Reports of what a log now records, for a batch's messages at once: marked superseded and taken out of the attempt
/// and recipient rollups they were counted in (rows that reach zero deleted), in three statements.
/// </summary>
internal static class PostgresSupersede
{
    private const string Dims = "receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id";

    public static void Apply(NpgsqlConnection connection, IReadOnlyList<(long Id, bool Deferrals)> messages, NpgsqlTransaction tx)
    {
        var byDims = new Dictionary<(long, long, long, long, long, long, long, long, long), long>();
        var byRecipient = new Dictionary<RecipientHour, long>();
        // The hour by floor division, as the writer counts it (ts may precede 1970). Grouped by recipient as well, for
        // recipients_hourly (which counts attempts not delivered that have one); summed back per rollup row here.
        using (var cmd = new NpgsqlCommand($"""
            WITH s AS (
                UPDATE events e SET superseded = 1 FROM unnest(@m, @d) AS x(id, deferrals)
                WHERE e.message_row = x.id AND e.kind = 0 AND e.superseded = 0 AND (e.action = 1) = x.deferrals
                RETURNING e.ts, e.{Dims.Replace(", ", ", e.", StringComparison.Ordinal)}, e.recipient)
            SELECT floor(ts / 3600.0)::bigint, {Dims}, recipient, COUNT(*) FROM s GROUP BY 1, {Dims}, recipient;
            """, connection, tx))
        {
            PostgresArrays.Add(cmd, "m", messages.Select(m => m.Id));
            PostgresArrays.Add(cmd, "d", messages.Select(m => m.Deferrals));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = (r.GetInt64(0), r.GetInt64(1), (long)r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8));
                var n = r.GetInt64(10);
                byDims[key] = byDims.GetValueOrDefault(key) + n;
                if (key.Item3 != 2 && !r.IsDBNull(9))
                {
                    var recipient = new RecipientHour(key.Item7, key.Item1, key.Item2, r.GetString(9));
                    byRecipient[recipient] = byRecipient.GetValueOrDefault(recipient) + n;
                }
            }
        }
        PostgresRecipientRollup.Take(connection, byRecipient.Select(p => (p.Key, p.Value)).ToList(), tx);
        if (byDims.Count == 0) return;
        var taken = byDims.Select(p => new[] { p.Key.Item1, p.Key.Item2, p.Key.Item3, p.Key.Item4, p.Key.Item5, p.Key.Item6, p.Key.Item7, p.Key.Item8, p.Key.Item9, p.Value }).ToList();
        const string Match = "h.hour = x.hour AND h.receiver_id = x.receiver_id AND h.action = x.action AND h.reason_id = x.reason_id AND h.category_id = x.category_id AND h.filter_id = x.filter_id AND h.ruleset_id = x.ruleset_id AND h.sending_ip_id = x.sending_ip_id AND h.sender_domain_id = x.sender_domain_id";
        const string Rows = "unnest(@h, @r, @a, @re, @c, @f, @rs, @s, @sd, @n) AS x(hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id, n)";
        using var dec = new NpgsqlCommand($"""
            UPDATE hourly h SET n = h.n - x.n FROM {Rows} WHERE {Match};
            DELETE FROM hourly h USING {Rows} WHERE {Match} AND h.n <= 0;
            """, connection, tx);
        string[] names = ["h", "r", "a", "re", "c", "f", "rs", "s", "sd", "n"];
        for (var i = 0; i < names.Length; i++)
        {
            var column = i;
            if (i == 2) PostgresArrays.Add(dec, names[i], taken.Select(t => (int)t[column]));
            else PostgresArrays.Add(dec, names[i], taken.Select(t => t[column]));
        }
        dec.ExecuteNonQuery();
    }
}
