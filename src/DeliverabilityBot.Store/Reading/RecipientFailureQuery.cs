using System.Data.Common;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Suppression;

namespace DeliverabilityBot.Store.Reading;

/// <summary>
/// The SQL and row mapping of <see cref="IHistoryReader.RecipientFailures"/>, shared by the SQLite and PostgreSQL
/// readers (same schema; only the parameter prefix differs).
/// </summary>
internal static class RecipientFailureQuery
{
    /// <summary>Failed attempts in the window, newest first per recipient; parameters a, b and (with a receiver) r.</summary>
    public static string Failures(char p, bool byReceiver) => $"""
        SELECT e.recipient, e.ts, e.receiver_id, e.reason_id, e.category_id, e.stage, e.reply_code,
               COALESCE(rp.text, e.reply_text, ''), e.hard_bounce, e.ruleset_id
        FROM events e LEFT JOIN replies rp ON rp.id = e.reply_id
        WHERE e.action = 0 AND e.superseded = 0 AND e.recipient IS NOT NULL AND e.ts >= {p}a AND e.ts < {p}b{(byReceiver ? $" AND e.receiver_id = {p}r" : "")}
        ORDER BY e.recipient, e.ts DESC;
        """;

    /// <summary>The newest delivery, deferral or other non-failure of each recipient that also failed in the window.</summary>
    public static string LatestNonFailures(char p, bool byReceiver) => $"""
        SELECT recipient, MAX(ts) FROM events
        WHERE action <> 0 AND superseded = 0 AND ts >= {p}a AND ts < {p}b{(byReceiver ? $" AND receiver_id = {p}r" : "")}
          AND recipient IN (SELECT recipient FROM events WHERE action = 0 AND ts >= {p}a AND ts < {p}b AND recipient IS NOT NULL)
        GROUP BY recipient;
        """;

    /// <summary>Recipients only deferred in the window (no final outcome yet, or delivered is not asked).</summary>
    public static string DeferredOnly(char p, bool byReceiver) => $"""
        SELECT COUNT(DISTINCT recipient) FROM events
        WHERE action = 1 AND superseded = 0 AND recipient IS NOT NULL AND ts >= {p}a AND ts < {p}b{(byReceiver ? $" AND receiver_id = {p}r" : "")}
          AND recipient NOT IN (SELECT recipient FROM events WHERE action = 0 AND ts >= {p}a AND ts < {p}b AND recipient IS NOT NULL);
        """;

    /// <summary>Reads the failures (newest per recipient) and joins the latest non-failures.</summary>
    public static IReadOnlyList<RecipientFailure> Read(DbDataReader failures, IReadOnlyDictionary<string, long> latestNonFailure, DimensionNames names)
    {
        var result = new List<RecipientFailure>();
        string? previous = null;
        while (failures.Read())
        {
            var recipient = failures.GetString(0);
            if (recipient == previous) continue;
            previous = recipient;
            var ts = failures.GetInt64(1);
            var rules = names.ValueOf(failures.GetInt64(9)) ?? string.Empty;
            result.Add(new RecipientFailure(
                recipient,
                DateTimeOffset.FromUnixTimeSeconds(ts),
                names.ValueOf(failures.GetInt64(2)) ?? "unknown",
                names.ValueOf(failures.GetInt64(3)) ?? "undefined",
                names.ValueOf(failures.GetInt64(4)) ?? "none",
                (SmtpStage)Convert.ToInt32(failures.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                failures.IsDBNull(6) ? null : Convert.ToInt32(failures.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
                failures.GetString(7),
                Convert.ToInt64(failures.GetValue(8), System.Globalization.CultureInfo.InvariantCulture) != 0,
                rules.Length == 0 ? [] : rules.Split(' '),
                // Same second counts as after: when the order is unknown, keep the address.
                latestNonFailure.TryGetValue(recipient, out var later) && later >= ts));
        }
        return result;
    }
}
