using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Store.Reading;
using DeliverabilityBot.Store.Schema;
using Npgsql;
using NpgsqlTypes;

namespace DeliverabilityBot.Store.Postgres.History;

internal sealed partial class PostgresHistoryReader
{
    public IReadOnlyList<EvidenceExample> Examples(TimeWindow window, string? receiver, IReadOnlyCollection<long>? ruleSetIds, int limit, string? sendingIp = null)
    {
        if (limit <= 0) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var filters = "";
        long? receiverId = null, ipId = null;
        if (receiver is not null)
        {
            if ((receiverId = names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
            filters += " AND e.receiver_id = @r";
        }
        if (sendingIp is not null)
        {
            if ((ipId = names.IdOf(DimensionKind.SendingIp, sendingIp)) is null) return [];
            filters += " AND e.sending_ip_id = @ip";
        }
        var sql = $"""
            SELECT e.ts, e.recipient, e.remote_host_id, e.sending_ip_id, COALESCE(rp.text, e.reply_text, ''), e.ruleset_id
            FROM events e LEFT JOIN replies rp ON rp.id = e.reply_id
            WHERE {(ruleSetIds is null ? "" : "e.ruleset_id = @rs AND ")}e.action <> 2 AND e.ts >= @a AND e.ts < @b{filters}
            ORDER BY e.ts DESC LIMIT @n;
            """;
        var rows = new List<(long Ts, EvidenceExample Example)>();
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("a", w.From);
        cmd.Parameters.AddWithValue("b", w.To);
        cmd.Parameters.AddWithValue("n", (long)limit * 4);
        if (receiverId is { } r) cmd.Parameters.AddWithValue("r", r);
        if (ipId is { } ip) cmd.Parameters.AddWithValue("ip", ip);
        var rs = cmd.Parameters.Add("rs", NpgsqlDbType.Bigint);
        // One indexed query per rule set (newest first via ix_events_ruleset_ts), merged here.
        foreach (var id in ruleSetIds ?? [0L])
        {
            rs.Value = id;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var ts = reader.GetInt64(0);
                var rules = names.ValueOf(reader.GetInt64(5)) ?? string.Empty;
                rows.Add((ts, new EvidenceExample(
                    DateTimeOffset.FromUnixTimeSeconds(ts),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    names.ValueOf(reader.GetInt64(2)),
                    names.ValueOf(reader.GetInt64(3)),
                    reader.GetString(4),
                    rules.Length == 0 ? [] : rules.Split(' '))));
            }
        }
        return StoreReader.PickDistinctReplies(rows, limit);
    }

    public IReadOnlyList<EvidenceExample> ExamplesForRule(TimeWindow window, string? receiver, string? ruleId, int limit)
    {
        if (ruleId is null) return Examples(window, receiver, null, limit);
        var sets = RuleSetsContaining(ruleId);
        return sets.Count == 0 ? [] : Examples(window, receiver, sets, limit);
    }

    public IReadOnlyList<long> RuleSetsContaining(string ruleId) =>
        names.IdsWhere(DimensionKind.RuleSet, v => v.Split(' ').Contains(ruleId, StringComparer.OrdinalIgnoreCase));

    public RecipientConcentration Recipients(TimeWindow window, string? receiver, IReadOnlyCollection<long> ruleSetIds)
    {
        var w = StoreWindow.Of(window.From, window.To);
        long? receiverId = receiver is null ? null : names.IdOf(DimensionKind.Receiver, receiver);
        if (receiver is not null && receiverId is null) return new(0, 0, null, 0);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT recipient, COUNT(*) FROM events WHERE ruleset_id = @rs AND action <> 2 AND superseded = 0 AND ts >= @a AND ts < @b{(receiverId is null ? "" : " AND receiver_id = @r")} AND recipient IS NOT NULL GROUP BY recipient;", c);
        cmd.Parameters.AddWithValue("a", w.From);
        cmd.Parameters.AddWithValue("b", w.To);
        if (receiverId is { } r) cmd.Parameters.AddWithValue("r", r);
        var rs = cmd.Parameters.Add("rs", NpgsqlDbType.Bigint);
        foreach (var id in ruleSetIds)
        {
            rs.Value = id;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                counts[key] = counts.GetValueOrDefault(key) + reader.GetInt64(1);
            }
        }
        if (counts.Count == 0) return new(0, 0, null, 0);
        var top = counts.MaxBy(p => p.Value);
        return new(counts.Values.Sum(), counts.Count, top.Key, top.Value);
    }

    public ExpiryCauses ExpiryCauses(TimeWindow window, string? receiver, IReadOnlyCollection<long> expiryRuleSetIds)
    {
        var w = StoreWindow.Of(window.From, window.To);
        long? receiverId = receiver is null ? null : names.IdOf(DimensionKind.Receiver, receiver);
        if ((receiver is not null && receiverId is null) || expiryRuleSetIds.Count == 0) return new(0, null, null, 0);
        // For each expiry: the latest deferral of the same message at or before it (ix_events_deferred_message).
        var sql = $"""
            SELECT d.ruleset_id, COALESCE(rp.text, '') FROM events e
            CROSS JOIN LATERAL (
                SELECT d2.ruleset_id, d2.reply_id FROM events d2
                WHERE d2.message_key = e.message_key AND d2.action = 1 AND d2.ts <= e.ts{(receiverId is null ? "" : " AND d2.receiver_id = @r")}
                ORDER BY d2.ts DESC LIMIT 1) d
            LEFT JOIN replies rp ON rp.id = d.reply_id
            WHERE e.ruleset_id = @rs AND e.action <> 2 AND e.superseded = 0 AND e.ts >= @a AND e.ts < @b AND e.message_key IS NOT NULL;
            """;
        var causes = new Dictionary<(long, string), long>();
        using var c = database.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("a", w.From);
        cmd.Parameters.AddWithValue("b", w.To);
        if (receiverId is { } r) cmd.Parameters.AddWithValue("r", r);
        var rs = cmd.Parameters.Add("rs", NpgsqlDbType.Bigint);
        foreach (var id in expiryRuleSetIds)
        {
            rs.Value = id;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetInt64(0), reader.GetString(1));
                causes[key] = causes.GetValueOrDefault(key) + 1;
            }
        }
        if (causes.Count == 0) return new(0, null, null, 0);
        var top = causes.MaxBy(p => p.Value);
        return new(causes.Values.Sum(), names.ValueOf(top.Key.Item1), top.Key.Item2, top.Value);
    }
}
