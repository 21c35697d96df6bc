using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Suppression;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Application.Suppression;

/// <summary>
/// The suppression list over a window: each failed recipient's newest failure decided by <see cref="SuppressionPolicy"/>,
/// and every recipient of a receiver held back while the diagnosis sees a receiver-side incident there (iCloud has
/// answered 5.1.1 "no user record found" for real mailboxes during one: facts.md ICL-GHOST).
/// </summary>
public sealed class SuppressionService(IHistoryStore store, WhyService why)
{
    /// <summary>The report for <paramref name="receiver"/> (null: all receivers) over <paramref name="window"/>.</summary>
    public SuppressionReport Report(string? receiver, TimeWindow window)
    {
        var failures = store.Reader.RecipientFailures(window, receiver);
        var outage = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool InOutage(string r) => outage.TryGetValue(r, out var o) ? o
            : outage[r] = why.Why(r, window).Report.Diagnoses.Any(d => d.Category == "receiver-outage");
        var safe = new List<SuppressionEntry>();
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var f in failures)
        {
            var verdict = SuppressionPolicy.Decide(f);
            if (verdict.Safe && InOutage(f.Receiver)) verdict = SuppressionVerdict.Hold("receiver outage");
            if (verdict.Safe) safe.Add(new SuppressionEntry(f.Recipient, f.Receiver, f.Reason, f.Timestamp, f.Reply, f.RuleIds.Count > 0 ? f.RuleIds[0] : string.Empty));
            else held[verdict.Why] = held.GetValueOrDefault(verdict.Why) + 1;
        }
        return new SuppressionReport
        {
            Safe = safe,
            Held = held.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Select(h => new HeldCount(h.Key, h.Value)).ToList(),
            DeferredOnly = store.Reader.DeferredOnlyRecipients(window, receiver),
        };
    }
}
