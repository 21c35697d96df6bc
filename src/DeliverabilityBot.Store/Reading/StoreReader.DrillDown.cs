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
    /// <summary>Recipient concentration among non-delivered attempts in the given rule sets.</summary>
    public RecipientConcentration Recipients(TimeWindow window, string? receiver, IReadOnlyCollection<long> ruleSetIds)
    {
        var w = StoreWindow.Of(window.From, window.To);
        long? receiverId = receiver is null ? null : _names.IdOf(DimensionKind.Receiver, receiver);
        if (receiver is not null && receiverId is null) return new(0, 0, null, 0);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var c = _open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT recipient, COUNT(*) FROM events WHERE ruleset_id = @rs AND action <> 2 AND superseded = 0 AND ts >= @a AND ts < @b{(receiverId is null ? "" : " AND receiver_id = @r")} AND recipient IS NOT NULL GROUP BY recipient;";
        Add(cmd, "@a", w.From);
        Add(cmd, "@b", w.To);
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
        if (counts.Count == 0) return new(0, 0, null, 0);
        var top = counts.MaxBy(p => p.Value);
        return new(counts.Values.Sum(), counts.Count, top.Key, top.Value);
    }

    /// <summary>
    /// Expired attempts in the window (in the given rule sets) whose message had earlier deferrals with
    /// <paramref name="receiver"/>, and the most common last deferral before the expiry.
    /// </summary>
    public ExpiryCauses ExpiryCauses(TimeWindow window, string? receiver, IReadOnlyCollection<long> expiryRuleSetIds)
    {
        var w = StoreWindow.Of(window.From, window.To);
        long? receiverId = receiver is null ? null : _names.IdOf(DimensionKind.Receiver, receiver);
        if ((receiver is not null && receiverId is null) || expiryRuleSetIds.Count == 0) return new(0, null, null, 0);
        // For each expiry: the latest deferral of the same message at or before it (ix_events_deferred_message).
        var sql = _dialect.ExpiryCausesSql(byReceiver: receiverId is not null);
        var causes = new Dictionary<(long, string), long>();
        using var c = _open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, "@a", w.From);
        Add(cmd, "@b", w.To);
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
        var top = causes.MaxBy(p => p.Value);
        return new(causes.Values.Sum(), _names.ValueOf(top.Key.Item1), top.Key.Item2, top.Value);
    }
}
