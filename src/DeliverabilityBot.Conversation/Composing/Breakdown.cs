using DeliverabilityBot.Conversation.Answers.Blocks;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>
/// Reads a breakdown (by sending IP, sender domain, stream, receiver): which rows are affected, whether they are affected
/// alike (then the cause is not one of them), and the rows as a table.
/// </summary>
public static class Breakdown
{
    /// <summary>A row is affected when at least this share of its attempts (or messages) was deferred or bounced.</summary>
    public const double AffectedShare = 0.05;

    /// <summary>Rows with fewer attempts than this are too small to compare.</summary>
    public const long MinAttempts = 20;

    /// <summary>Deferred or bounced share of the row's attempts; its affected messages' share when it has no attempts.</summary>
    public static double Trouble(StatsRow r) =>
        r.Attempts > 0 ? (double)(r.Deferred + r.Bounced) / r.Attempts : r.Messages?.AffectedShare ?? 0;

    /// <summary>True when the row is affected.</summary>
    public static bool IsAffected(StatsRow r) => Trouble(r) >= AffectedShare;

    /// <summary>Rows large enough to compare, worst first.</summary>
    public static IReadOnlyList<StatsRow> Comparable(IEnumerable<StatsRow> rows) =>
        rows.Where(r => r.Attempts >= MinAttempts || (r.Attempts == 0 && r.Messages?.Total >= MinAttempts))
            .OrderByDescending(Trouble).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>
    /// True when two or more comparable rows are all affected and none has more than twice the trouble of another: the
    /// cause is on the receiver's side or in something they all share, not in one of them.
    /// </summary>
    public static bool AllAlike(IReadOnlyList<StatsRow> comparable) =>
        comparable.Count >= 2 && comparable.All(IsAffected) && Trouble(comparable[0]) <= 2 * Trouble(comparable[^1]);

    /// <summary>"31% deferred, 4% bounced" (attempts), or "12% of messages affected" for message-only rows.</summary>
    public static string Rate(StatsRow r) =>
        r.Attempts > 0 ? $"{Numbers.Percent(r.Deferred, r.Attempts)} deferred, {Numbers.Percent(r.Bounced, r.Attempts)} bounced"
        : $"{Numbers.Percent(r.Messages?.Affected ?? 0, r.Messages?.Total ?? 0)} of messages affected";

    /// <summary>The rows as a table: key, messages affected, attempts, deferred, bounced.</summary>
    public static TableBlock Table(string keyColumn, IEnumerable<StatsRow> rows, int max = 12) => new(
        [keyColumn, "messages affected", "attempts", "deferred", "bounced"],
        rows.Take(max).Select(r => (IReadOnlyList<string>)
        [
            r.Key,
            r.Messages is { Total: > 0 } m ? Numbers.Share(m.Affected, m.Total) : "-",
            r.Attempts > 0 ? Numbers.Count(r.Attempts) : "-",
            r.Attempts > 0 ? Numbers.Share(r.Deferred, r.Attempts) : "-",
            r.Attempts > 0 ? Numbers.Share(r.Bounced, r.Attempts) : "-",
        ]).ToList());
}
