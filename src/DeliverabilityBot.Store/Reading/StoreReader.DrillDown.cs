using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Store.Schema;

namespace DeliverabilityBot.Store.Reading;

/// <summary>How concentrated some attempts are on single recipients.</summary>
/// <param name="Attempts">Attempts counted.</param>
/// <param name="DistinctRecipients">Distinct recipient addresses among them.</param>
/// <param name="TopRecipient">The recipient with the most, or null.</param>
/// <param name="TopRecipientCount">How many that recipient had.</param>
public sealed record RecipientConcentration(long Attempts, long DistinctRecipients, string? TopRecipient, long TopRecipientCount);

/// <summary>Queue expiries traced back to earlier deferrals of the same message.</summary>
/// <param name="Expired">Expired attempts in the window that had at least one earlier deferral with the receiver.</param>
/// <param name="TopCauseRuleSet">The rule ids of the most common last deferral before expiry.</param>
/// <param name="TopCauseReply">That deferral's reply text.</param>
/// <param name="TopCauseCount">How many expiries it preceded.</param>
public sealed record ExpiryCauses(long Expired, string? TopCauseRuleSet, string? TopCauseReply, long TopCauseCount);

public sealed partial class StoreReader
{
    /// <summary>
    /// How far before an expiry its cause is looked for: a message expires once it has been queued longer than the
    /// sender's queue lifetime (Postfix's maximal_queue_lifetime defaults to 5 days; sendmail's Timeout.queuereturn to 5
    /// days), so a deferral older than that belongs to an earlier message (queue ids are reused), not to this stay in the
    /// queue. Seven days covers those defaults with margin; the latest deferral is normally within one retry interval.
    /// The bound is also what keeps the probe within a week of day partitions on PostgreSQL, whatever the history holds.
    /// </summary>
    public static readonly TimeSpan ExpiryLookback = TimeSpan.FromDays(7);

    /// <summary>Recipient concentration among non-delivered attempts in the given rule sets.</summary>
    public RecipientConcentration Recipients(TimeWindow window, string? receiver, IReadOnlyCollection<long> ruleSetIds)
    {
        var w = StoreWindow.Of(window.From, window.To);
        long? receiverId = receiver is null ? null : _names.IdOf(DimensionKind.Receiver, receiver);
        if (receiver is not null && receiverId is null) return new(0, 0, null, 0);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var filter = receiverId is null ? "" : " AND receiver_id = @r";
        var attempts = $"SELECT recipient, COUNT(*) FROM events WHERE ruleset_id = @rs AND action <> 2 AND superseded = 0 AND ts >= @a AND ts < @b{filter} AND recipient IS NOT NULL GROUP BY recipient;";
        // Whole hours from the recipient rollup where the store keeps one, the ragged edges (or everything) from the attempts.
        var parts = new List<(string Sql, long From, long To)>(3);
        if (_dialect.HasRecipientRollup && w.HasWholeHours)
        {
            parts.Add(($"SELECT recipient, CAST(SUM(n) AS bigint) FROM recipients_hourly WHERE ruleset_id = @rs AND hour >= @a AND hour < @b{filter} GROUP BY recipient;", w.FirstHour, w.EndHour));
            foreach (var (from, to) in w.Edges()) parts.Add((attempts, from, to));
        }
        else parts.Add((attempts, w.From, w.To));
        using var c = _open();
        foreach (var (sql, from, to) in parts)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            Add(cmd, "@a", from);
            Add(cmd, "@b", to);
            if (receiverId is { } r) Add(cmd, "@r", r);
            var rs = Add(cmd, "@rs", null);
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
        }
        if (counts.Count == 0) return new(0, 0, null, 0);
        // Ties go to the first address in ordinal order, so the answer does not depend on the order rows came in.
        var top = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
        return new(counts.Values.Sum(), counts.Count, top.Key, top.Value);
    }

    /// <summary>
    /// Expired attempts in the window (in the given rule sets; <paramref name="receiver"/>'s when given) whose message had
    /// earlier deferrals with <paramref name="receiver"/> (at most <see cref="ExpiryLookback"/> before), and the most
    /// common last deferral before the expiry. Only the receiver's own expiries count, so the figure is a part of the
    /// receiver's expiries (a diagnosis divides one by the other).
    /// </summary>
    public ExpiryCauses ExpiryCauses(TimeWindow window, string? receiver, IReadOnlyCollection<long> expiryRuleSetIds)
    {
        var w = StoreWindow.Of(window.From, window.To);
        long? receiverId = receiver is null ? null : _names.IdOf(DimensionKind.Receiver, receiver);
        if ((receiver is not null && receiverId is null) || expiryRuleSetIds.Count == 0) return new(0, null, null, 0);
        // For each expiry: the latest deferral of the same message at or before it, within the lookback (ix_events_deferred_message).
        var sql = _dialect.ExpiryCausesSql(byReceiver: receiverId is not null);
        var causes = new Dictionary<(long, string), long>();
        using var c = _open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "@a", w.From);
        Add(cmd, "@b", w.To);
        Add(cmd, "@life", (long)ExpiryLookback.TotalSeconds);
        if (receiverId is { } r) Add(cmd, "@r", r);
        var rs = Add(cmd, "@rs", null);
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
        // Ties go to the first rule set, then reply, in ordinal order (not to row order, which differs between stores).
        var top = causes.Select(p => (RuleSet: _names.ValueOf(p.Key.Item1), Reply: p.Key.Item2, Count: p.Value))
            .OrderByDescending(x => x.Count).ThenBy(x => x.RuleSet, StringComparer.Ordinal).ThenBy(x => x.Reply, StringComparer.Ordinal).First();
        return new(causes.Values.Sum(), top.RuleSet, top.Reply, top.Count);
    }
}
