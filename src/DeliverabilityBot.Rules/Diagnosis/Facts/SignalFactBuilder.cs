using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Diagnosis.Model;

namespace DeliverabilityBot.Rules.Diagnosis.Facts;

/// <summary>Computes one <see cref="SignalFact"/> per diagnosis rule and scope from a window's aggregates.</summary>
public static class SignalFactBuilder
{
    /// <summary>The scope name used for the overall (all receivers) scope.</summary>
    public const string AllScope = "all";

    private static readonly string[] RecipientMetrics = ["distinctRecipients", "topRecipientShare", "signalPerRecipient", "topRecipient"];
    private static readonly string[] ExpiryMetrics = ["expiredAfterDeferral", "expiredAfterDeferralShare", "causeRules", "causeReply"];

    /// <summary>Facts for every rule in every scope it applies to.</summary>
    public static IReadOnlyList<SignalFact> Build(DiagnosisInput input, IEnumerable<DiagnosisRule> rules)
    {
        var receivers = input.Receiver is { } asked
            ? [asked]
            : input.Current.Select(r => r.Receiver).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var facts = new List<SignalFact>();
        foreach (var rule in rules)
        {
            var top = input.Receiver;
            if (rule.Fallback)
            {
                facts.Add(Compute(rule, top is null ? AllScope : "receiver:" + top, top ?? AllScope, input.Current, input.Previous, input.DrillDown, null, input.Current,
                    Scoped(input, m => top is null || m.Receiver == top)));
                continue;
            }
            if (rule.Scope == DiagnosisScopeKind.SenderDomain)
            {
                // A sender domain's authentication is the sender's, not one receiver's: its scope spans every receiver asked about.
                var rows = input.Current.Where(r => rule.Signal.AppliesTo(r.Receiver)).ToList();
                var prev = input.Previous.Where(r => rule.Signal.AppliesTo(r.Receiver)).ToList();
                foreach (var d in rows.Select(r => r.SenderDomain).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                    facts.Add(Compute(rule, "domain:" + d, top ?? AllScope, rows.Where(r => r.SenderDomain == d).ToList(),
                        prev.Where(r => r.SenderDomain == d).ToList(), input.DrillDown, null, rows,
                        Scoped(input, m => m.SenderDomain == d && rule.Signal.AppliesTo(m.Receiver))));
                continue;
            }
            foreach (var receiver in receivers)
            {
                if (!rule.Signal.AppliesTo(receiver)) continue;
                var rows = input.Current.Where(r => r.Receiver == receiver).ToList();
                if (rows.Count == 0) continue;
                var prev = input.Previous.Where(r => r.Receiver == receiver).ToList();
                switch (rule.Scope)
                {
                    case DiagnosisScopeKind.Receiver:
                        facts.Add(Compute(rule, "receiver:" + receiver, receiver, rows, prev, input.DrillDown, null, rows, Scoped(input, m => m.Receiver == receiver)));
                        break;
                    case DiagnosisScopeKind.SendingIp:
                        foreach (var ip in rows.Select(r => r.SendingIp).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                            facts.Add(Compute(rule, "ip:" + ip, receiver, rows.Where(r => r.SendingIp == ip).ToList(), prev.Where(r => r.SendingIp == ip).ToList(), input.DrillDown, ip, rows,
                                Scoped(input, m => m.Receiver == receiver && m.SendingIp == ip)));
                        break;
                    case DiagnosisScopeKind.Stream:
                        foreach (var st in rows.Select(r => r.Stream).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                            facts.Add(Compute(rule, "stream:" + st, receiver, rows.Where(r => r.Stream == st).ToList(), prev.Where(r => r.Stream == st).ToList(), input.DrillDown, null, rows,
                                Scoped(input, m => m.Receiver == receiver && m.Stream == st)));
                        break;
                }
            }
        }
        return facts;
    }

    private static SignalFact Compute(DiagnosisRule rule, string scope, string receiver, IReadOnlyList<AggregateRow> rows,
        IReadOnlyList<AggregateRow> previous, IDiagnosisDrillDown? drill, string? scopeIp, IReadOnlyList<AggregateRow> wider,
        IReadOnlyList<MessageRow>? messages)
    {
        var t = Totals.Of(rows);
        var p = Totals.Of(previous);
        var signal = rows.Where(rule.Signal.Matches).ToList();
        var prevSignal = previous.Where(rule.Signal.Matches).Sum(r => r.Count);
        double count = signal.Sum(r => r.Count);
        var ruleSetIds = signal.Select(r => r.RuleSetId).Where(id => id != 0).Distinct().ToList();
        var (topIp, topIpCount, ips) = Top(signal, r => r.SendingIp);
        var (topDomain, topDomainCount, _) = Top(signal, r => r.SenderDomain);
        var (_, topRuleSetCount, _) = Top(signal, r => string.Join(' ', r.RuleIds));
        var signalRules = signal.SelectMany(r => r.RuleIds.Select(id => (id, r.Count))).GroupBy(x => x.id)
            .OrderByDescending(g => g.Sum(x => x.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var drillReceiver = receiver == AllScope ? null : receiver;

        (long Distinct, string? Top, long TopCount) recipients = default;
        if (drill is not null && count > 0 && RecipientMetrics.Any(rule.Uses)) recipients = drill.Recipients(drillReceiver, ruleSetIds);
        (long Expired, string? Rules, string? Reply, long Count) expiry = default;
        if (drill is not null && count > 0 && ExpiryMetrics.Any(rule.Uses)) expiry = drill.ExpiryCauses(drillReceiver, ruleSetIds);

        var first = signal.Count > 0 ? signal.Min(r => r.FirstSeen) : (DateTimeOffset?)null;
        var last = signal.Count > 0 ? signal.Max(r => r.LastSeen) : (DateTimeOffset?)null;
        var signalRate = Ratio(count, t.Attempts);
        var widerSignal = ReferenceEquals(wider, rows) ? count : wider.Where(rule.Signal.Matches).Sum(r => r.Count);
        var others = scopeIp is null ? [] : wider.Where(r => r.SendingIp is not null && r.SendingIp != scopeIp).ToList();
        var otherTotals = Totals.Of(others);
        var rowIps = rows.Select(r => r.SendingIp).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var (_, _, signalReceivers) = Top(signal, r => r.Receiver);
        var prevRate = Ratio(prevSignal, p.Attempts);
        var signalMessages = messages is null ? (double?)null : SignalMessages(signal, messages);
        return new SignalFact
        {
            Rule = rule, RuleId = rule.Id, Scope = scope, Receiver = receiver, ScopeIp = scopeIp,
            Attempts = t.Attempts, Delivered = t.Delivered, Deferred = t.Deferred, Bounced = t.Bounced,
            DeliveredRate = Ratio(t.Delivered, t.Attempts), DeferralRate = Ratio(t.Deferred, t.Attempts),
            BounceRate = Ratio(t.Bounced, t.Attempts), FailureRate = Ratio(t.Deferred + t.Bounced, t.Attempts),
            SignalCount = count, SignalRate = signalRate, SignalShare = Ratio(count, t.Deferred + t.Bounced),
            SignalDeferred = signal.Where(r => r.Action == DeliveryAction.Delayed).Sum(r => r.Count),
            SignalBounced = signal.Where(r => r.Action == DeliveryAction.Failed).Sum(r => r.Count),
            PreviousAttempts = p.Attempts, PreviousSignalRate = prevRate, SignalRateChange = signalRate - prevRate,
            PreviousFailureRate = Ratio(p.Deferred + p.Bounced, p.Attempts), PreviousBounceRate = Ratio(p.Bounced, p.Attempts),
            SendingIps = ips, TopIp = topIp, TopIpShare = Ratio(topIpCount, count),
            TopSenderDomain = topDomain, TopSenderDomainShare = Ratio(topDomainCount, count),
            TopRuleShare = Ratio(topRuleSetCount, count),
            DurationHours = first is { } f && last is { } l ? (l - f).TotalHours : 0,
            DistinctRecipients = recipients.Distinct, TopRecipient = recipients.Top,
            TopRecipientShare = Ratio(recipients.TopCount, count), SignalPerRecipient = Ratio(count, recipients.Distinct),
            ExpiredAfterDeferral = expiry.Expired, ExpiredAfterDeferralShare = Ratio(expiry.Expired, count),
            CauseRules = expiry.Rules, CauseReply = expiry.Reply,
            SignalRules = signalRules, RuleSetIds = ruleSetIds, FirstSeen = first, LastSeen = last,
            ReceiverSignalRate = Ratio(widerSignal, Totals.Of(wider).Attempts), ScopeSignalShare = Ratio(count, widerSignal),
            OtherIps = others.Select(r => r.SendingIp).Distinct(StringComparer.Ordinal).Count(),
            OtherIpsDeliveredRate = Ratio(otherTotals.Delivered, otherTotals.Attempts),
            SignalIpShare = Ratio(ips, rowIps), SignalReceivers = signalReceivers,
            SignalReceiverIds = Ranked(signal, r => r.Receiver), SignalFilters = Ranked(signal, r => r.Filter),
            Messages = messages?.Sum(m => m.Count), SignalMessages = signalMessages,
        };
    }

    /// <summary>
    /// Messages in the signal: those whose trouble (their bounce, or their last deferral) has a rule set the signal's
    /// attempts matched, so the attempt matching decides, once, and retries of one message count once. An expired
    /// message keeps the deferral that caused it as its trouble, so a signal holding queue expiries counts its expiry
    /// attempts instead (one per message) and no expired message a second time.
    /// </summary>
    private static double SignalMessages(List<AggregateRow> signal, IReadOnlyList<MessageRow> messages)
    {
        var sets = signal.Select(r => r.RuleSetId).Where(id => id != 0).ToHashSet();
        var expiries = signal.Where(r => r.Action == DeliveryAction.Failed && r.Reason == "expired").Sum(r => r.Count);
        return expiries + messages.Where(m => m.Affected && sets.Contains(m.RuleSetId) && !(expiries > 0 && m.Outcome == MessageOutcome.Expired))
            .Sum(m => m.Count);
    }

    /// <summary>The scope's message rows, or null when the input carries none (ranking then falls back to attempts).</summary>
    private static IReadOnlyList<MessageRow>? Scoped(DiagnosisInput input, Func<MessageRow, bool> inScope) =>
        input.Messages.Count == 0 ? null : input.Messages.Where(inScope).ToList();

    private static (string? Key, long Count, int Distinct) Top(List<AggregateRow> rows, Func<AggregateRow, string?> key)
    {
        var groups = rows.Where(r => key(r) is not null).GroupBy(r => key(r)!).Select(g => (g.Key, Count: g.Sum(r => r.Count))).ToList();
        if (groups.Count == 0) return (null, 0, 0);
        var top = groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        return (top.Key, top.Count, groups.Count);
    }

    private static IReadOnlyList<string> Ranked(List<AggregateRow> rows, Func<AggregateRow, string?> key) =>
        rows.Where(r => key(r) is not null).GroupBy(r => key(r)!).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();

    private static double Ratio(double part, double whole) => whole <= 0 ? 0 : part / whole;

    private readonly record struct Totals(long Attempts, long Delivered, long Deferred, long Bounced)
    {
        public static Totals Of(IEnumerable<AggregateRow> rows)
        {
            long a = 0, d = 0, df = 0, b = 0;
            foreach (var r in rows)
            {
                a += r.Count;
                if (r.Action is DeliveryAction.Delivered or DeliveryAction.Relayed) d += r.Count;
                else if (r.Action == DeliveryAction.Delayed) df += r.Count;
                else if (r.Action == DeliveryAction.Failed) b += r.Count;
            }
            return new(a, d, df, b);
        }
    }
}
