using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnosis.Facts;

namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>Turns a fired fact into a <see cref="Core.Diagnosis.Diagnosis"/>: placeholders filled, figures with denominators, score.</summary>
public static partial class DiagnosisFormatter
{
    /// <summary>The diagnosis for a fired fact, with its ranking score and the diagnosis it follows from (when linked).</summary>
    public static RankedDiagnosis ToRanked(SignalFact f, TimeWindow window, IReceiverRegistry names, SignalFact? cause = null)
    {
        var rule = f.Rule;
        var confidence = Math.Round(rule.Confidence * (0.7 + 0.3 * Math.Min(1, f.SignalCount / Math.Max(1, rule.ConfidentAt))), 2);
        var figures = CoreFigures(f, names).ToList();
        // Thresholds read as sentences: people never see a metric's internal name.
        var thresholds = rule.When.Select(c => Threshold(c, f)).ToList();
        if (thresholds.Count > 0 && !rule.Fallback) figures.Add(new EvidenceFigure("why this fired", string.Join("; ", thresholds)));
        var diagnosis = new Core.Diagnosis.Diagnosis
        {
            Id = rule.Id,
            Title = Fill(rule.Title, f, names),
            Category = rule.Category,
            Confidence = confidence,
            Scope = f.Scope,
            Evidence = new DiagnosisEvidence { Figures = figures, FirstSeen = f.FirstSeen, LastSeen = f.LastSeen },
            Explanation = (Fill(rule.Message, f, names) + " " + rule.Explanation.Trim()).Trim(),
            Actions = rule.Actions.Select(a => Fill(a, f, names)).ToList(),
            Rules = [rule.Id, .. f.SignalRules.Take(6)],
            References = [rule.HelpUri, .. rule.References.Where(r => r != rule.HelpUri)],
            Score = DiagnosisRanking.Score(f, confidence),
            Affected = rule.Fallback ? 0 : (long)DiagnosisRanking.Affected(f),
            CausedBy = cause is null ? null : new DiagnosisCause(cause.RuleId, cause.Scope, Fill(cause.Rule.Title, cause, names)),
        };
        return new RankedDiagnosis(diagnosis, f);
    }

    /// <summary>A threshold as a sentence with the value it had: "share of the attempts deferred: at least 5% (here 31.0%)".</summary>
    public static string Threshold(Model.MetricCondition c, SignalFact f)
    {
        var m = Metrics.ByName[c.Metric];
        string V(double v) => Metrics.Format(v, m.Format);
        var bound = (c.Min, c.Max) switch
        {
            ({ } lo, { } hi) => $"between {V(lo)} and {V(hi)}",
            ({ } lo, null) => $"at least {V(lo)}",
            (null, { } hi) => $"at most {V(hi)}",
            _ => "any",
        };
        return $"{m.Description}: {bound} (here {V(m.ValueOf(f))})";
    }

    /// <summary>The numbers every diagnosis shows: signal with its denominator, outcome mix, change, concentration.</summary>
    public static IEnumerable<EvidenceFigure> CoreFigures(SignalFact f, IReceiverRegistry names)
    {
        string C(double v) => Metrics.Format(v, MetricFormat.Count);
        string R(double v) => Metrics.Format(v, MetricFormat.Rate);
        if (!f.Rule.Fallback)
        {
            yield return new("affected", $"{C(f.SignalCount)} of {C(f.Attempts)} attempts ({R(f.SignalRate)}): {C(f.SignalDeferred)} deferred, {C(f.SignalBounced)} bounced");
            yield return new("share of all deferrals and bounces", $"{R(f.SignalShare)} of {C(f.Deferred + f.Bounced)}");
            if (f.ScopeIp is not null || f.Scope.StartsWith("stream:", StringComparison.Ordinal))
                yield return new("whole receiver", $"{R(f.ReceiverSignalRate)} of all attempts to {ReceiverName(f.Receiver, names)} had these replies");
            if (f.ScopeIp is not null)
                yield return new("other sending IPs", OtherIpsText(f, names));
        }
        yield return new("delivered", $"{C(f.Delivered)} of {C(f.Attempts)} ({R(f.DeliveredRate)})");
        yield return new("deferred", $"{C(f.Deferred)} ({R(f.DeferralRate)})");
        yield return new("bounced", $"{C(f.Bounced)} ({R(f.BounceRate)})");
        if (f.PreviousAttempts > 0)
            yield return new("previous window", f.Rule.Fallback
                ? $"failure rate {R(f.PreviousFailureRate)} of {C(f.PreviousAttempts)} attempts"
                : $"{R(f.PreviousSignalRate)} of {C(f.PreviousAttempts)} attempts had these replies (change {(f.SignalRateChange >= 0 ? "+" : "")}{R(f.SignalRateChange)})");
        if (f.TopIp is not null && !f.Rule.Fallback && f.ScopeIp is null)
            yield return new("top sending IP", $"{f.TopIp}: {R(f.TopIpShare)} of these replies ({C(f.SendingIps)} IPs)");
        if (f.SignalReceivers > 1)
            yield return new("receivers", string.Join(", ", f.SignalReceiverIds.Select(id => ReceiverName(id, names))));
        if (f.TopRecipient is not null)
            yield return new("recipients", $"{C(f.DistinctRecipients)} distinct; busiest {f.TopRecipient} with {R(f.TopRecipientShare)} of these replies");
        if (f.CauseReply is not null)
            yield return new("deferral before expiry", $"{C(f.ExpiredAfterDeferral)} of {C(f.SignalCount)} expiries followed deferrals; most often: {f.CauseReply}");
    }

    /// <summary>Fills <c>{metric}</c> and <c>{receiver}</c>, <c>{scope}</c>, <c>{topIp}</c>, ... placeholders.</summary>
    public static string Fill(string format, SignalFact f, IReceiverRegistry names) => Placeholder().Replace(format, m =>
    {
        var name = m.Groups[1].Value;
        if (Metrics.ByName.TryGetValue(name, out var metric)) return Metrics.Format(metric.ValueOf(f), metric.Format);
        return name switch
        {
            "receiver" => ReceiverName(f.Receiver, names),
            "scope" => f.Scope,
            // Advice must read right when no IP or domain was recorded: "look up your sending IPs", never "look up (no IP recorded)".
            "topIp" => f.TopIp ?? "your sending IPs",
            "scopeIp" => f.ScopeIp ?? f.TopIp ?? "your sending IPs",
            "scopeName" => f.Scope.IndexOf(':') is var i and > 0 ? f.Scope[(i + 1)..] : ReceiverName(f.Receiver, names),
            "topSenderDomain" => f.TopSenderDomain ?? "your sender domain",
            "topRecipient" => f.TopRecipient ?? "the busiest recipients",
            "causeRules" => f.CauseRules ?? "(none)",
            "causeReply" => f.CauseReply ?? "the deferrals before it",
            "otherIpsText" => OtherIpsText(f, names),
            "filters" => f.SignalFilters.Count == 0 ? "the receiver's filter" : string.Join(", ", f.SignalFilters.Select(names.DisplayName)),
            "signalReceiverNames" => f.SignalReceiverIds.Count == 0 ? ReceiverName(f.Receiver, names) : string.Join(", ", f.SignalReceiverIds.Select(id => ReceiverName(id, names))),
            "signalRules" => f.SignalRules.Count == 0 ? "(no rule)" : string.Join(", ", f.SignalRules.Take(4)),
            "firstSeen" => f.FirstSeen?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-",
            "lastSeen" => f.LastSeen?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-",
            _ => m.Value,
        };
    });

    /// <summary>Placeholder names a diagnosis message may use besides metric names.</summary>
    public static IReadOnlySet<string> TextPlaceholders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "receiver", "scope", "topIp", "scopeIp", "scopeName", "topSenderDomain", "topRecipient", "causeRules", "causeReply", "signalRules", "firstSeen", "lastSeen",
        "otherIpsText", "filters", "signalReceiverNames",
    };

    /// <summary>A receiver id as people read it: the registry's display name (the rule files' receiver blocks).</summary>
    public static string ReceiverName(string id, IReceiverRegistry names) => id switch
    {
        Receivers.Unknown => "other receivers",
        SignalFactBuilder.AllScope => "all receivers",
        _ => names.DisplayName(id),
    };

    // "your other 3 IPs deliver 99.1% of their attempts", or what the log lets us say when no other IP is recorded.
    private static string OtherIpsText(SignalFact f, IReceiverRegistry names)
    {
        if (f.OtherIps == 0) return $"no other sending IP to {ReceiverName(f.Receiver, names)} is recorded";
        var n = Metrics.Format(f.OtherIps, MetricFormat.Count);
        var rate = Metrics.Format(f.OtherIpsDeliveredRate, MetricFormat.Rate);
        return f.OtherIps == 1 ? $"your other IP delivers {rate} of its attempts" : $"your other {n} IPs deliver {rate} of their attempts";
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    internal static partial Regex Placeholder();
}
