using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Store.Schema;

namespace DeliverabilityBot.Store.Reading;

public sealed partial class StoreReader
{
    /// <summary>
    /// Newest non-delivered attempts in the window among the given rule sets (null: any), preferring distinct
    /// replies among the newest few; <paramref name="receiver"/> and <paramref name="sendingIp"/> narrow further when given.
    /// </summary>
    public IReadOnlyList<EvidenceExample> Examples(TimeWindow window, string? receiver, IReadOnlyCollection<long>? ruleSetIds, int limit, string? sendingIp = null)
    {
        if (limit <= 0) return [];
        var w = StoreWindow.Of(window.From, window.To);
        var filters = "";
        long? receiverId = null, ipId = null;
        if (receiver is not null)
        {
            if ((receiverId = _names.IdOf(DimensionKind.Receiver, receiver)) is null) return [];
            filters += " AND e.receiver_id = @r";
        }
        if (sendingIp is not null)
        {
            if ((ipId = _names.IdOf(DimensionKind.SendingIp, sendingIp)) is null) return [];
            filters += " AND e.sending_ip_id = @ip";
        }
        // The newest attempts first, their replies joined after the limit: the limit then stops the index scan (newest
        // first through ix_events_ruleset_ts), where a join below it let PostgreSQL read and sort every attempt of the
        // rule set in the window whenever it underestimated how many match the receiver.
        var sql = $"""
            SELECT x.ts, x.recipient, x.remote_host_id, x.sending_ip_id, COALESCE(rp.text, x.reply_text, ''), x.ruleset_id
            FROM (SELECT e.ts, e.recipient, e.remote_host_id, e.sending_ip_id, e.reply_id, e.reply_text, e.ruleset_id FROM events e
                  WHERE {(ruleSetIds is null ? "" : "e.ruleset_id = @rs AND ")}e.action <> 2 AND e.ts >= @a AND e.ts < @b{filters}
                  ORDER BY e.ts DESC LIMIT @n) x
            LEFT JOIN replies rp ON rp.id = x.reply_id
            ORDER BY x.ts DESC;
            """;
        var rows = new List<(long Ts, EvidenceExample Example)>();
        using var c = _open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "@a", w.From);
        Add(cmd, "@b", w.To);
        Add(cmd, "@n", limit * 4L);
        if (receiverId is { } r) Add(cmd, "@r", r);
        if (ipId is { } ip) Add(cmd, "@ip", ip);
        var rs = Add(cmd, "@rs", null);
        // One indexed query per rule set (newest first via ix_events_ruleset_ts), merged here.
        foreach (var id in ruleSetIds ?? [0L])
        {
            rs.Value = id;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var ts = reader.GetInt64(0);
                var rules = _names.ValueOf(reader.GetInt64(5)) ?? string.Empty;
                rows.Add((ts, new EvidenceExample(
                    DateTimeOffset.FromUnixTimeSeconds(ts),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    _names.ValueOf(reader.GetInt64(2)),
                    _names.ValueOf(reader.GetInt64(3)),
                    reader.GetString(4),
                    rules.Length == 0 ? [] : rules.Split(' '))));
            }
        }
        return PickDistinctReplies(rows, limit);
    }

    /// <summary>Examples for one rule id (case-insensitive), in any rule set it fired in.</summary>
    public IReadOnlyList<EvidenceExample> ExamplesForRule(TimeWindow window, string? receiver, string? ruleId, int limit)
    {
        if (ruleId is null) return Examples(window, receiver, null, limit);
        var sets = RuleSetsContaining(ruleId);
        return sets.Count == 0 ? [] : Examples(window, receiver, sets, limit);
    }

    /// <summary>Ids of every stored rule set that contains <paramref name="ruleId"/>.</summary>
    public IReadOnlyList<long> RuleSetsContaining(string ruleId) =>
        _names.IdsWhere(DimensionKind.RuleSet, v => v.Split(' ').Contains(ruleId, StringComparer.OrdinalIgnoreCase));

    internal static List<EvidenceExample> PickDistinctReplies(List<(long Ts, EvidenceExample Example)> rows, int limit)
    {
        rows.Sort((x, y) => y.Ts.CompareTo(x.Ts));
        var picked = new List<EvidenceExample>(limit);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, e) in rows)
            if (picked.Count < limit && seen.Add(e.Reply)) picked.Add(e);
        foreach (var (_, e) in rows)
            if (picked.Count < limit && !picked.Contains(e)) picked.Add(e);
        picked.Sort((x, y) => Nullable.Compare(y.Timestamp, x.Timestamp));
        return picked;
    }
}
