using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Rules.Diagnosis.Facts;

namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>Turns a fired fact into a <see cref="Core.Diagnosis.Diagnosis"/>: placeholders filled, figures with denominators, score.</summary>
public static partial class DiagnosisFormatter
{
    private static readonly Dictionary<string, string> ReceiverNames = new(StringComparer.Ordinal)
    {
        ["icloud"] = "iCloud", ["gmail"] = "Gmail", ["yahoo"] = "Yahoo", ["microsoft"] = "Microsoft", ["proofpoint"] = "Proofpoint",
        ["mimecast"] = "Mimecast", ["unknown"] = "other receivers", [SignalFactBuilder.AllScope] = "all receivers",
    };

    /// <summary>The diagnosis for a fired fact, with its ranking score.</summary>
    public static RankedDiagnosis ToRanked(SignalFact f, TimeWindow window)
    {
        var rule = f.Rule;
        var confidence = Math.Round(rule.Confidence * (0.7 + 0.3 * Math.Min(1, f.SignalCount / Math.Max(1, rule.ConfidentAt))), 2);
        var weight = rule.Severity switch { RuleSeverity.Error => 1.0, RuleSeverity.Warning => 0.75, _ => 0.5 };
        // Share of the trouble explained matters most; priority (from the rule file) breaks near-ties.
        var score = rule.Fallback ? 0.01 : weight * confidence * (0.5 + 0.5 * Math.Min(1, f.SignalShare)) * (1 + rule.Priority / 1000.0);
        var figures = CoreFigures(f).ToList();
        foreach (var c in rule.When)
        {
            var m = Metrics.ByName[c.Metric];
            if (figures.Any(x => x.Label == c.Metric)) continue;
            figures.Add(new EvidenceFigure(c.Metric, $"{Metrics.Format(m.ValueOf(f), m.Format)} (rule: {c})"));
        }
        var diagnosis = new Core.Diagnosis.Diagnosis
        {
            Id = rule.Id,
            Title = Fill(rule.Title, f),
            Category = rule.Category,
            Confidence = confidence,
            Scope = f.Scope,
            Evidence = new DiagnosisEvidence { Figures = figures, FirstSeen = f.FirstSeen, LastSeen = f.LastSeen },
            Explanation = (Fill(rule.Message, f) + " " + rule.Explanation.Trim()).Trim(),
            Actions = rule.Actions.Select(a => Fill(a, f)).ToList(),
            Rules = [rule.Id, .. f.SignalRules.Take(6)],
            References = [rule.HelpUri, .. rule.References.Where(r => r != rule.HelpUri)],
            Score = Math.Round(score, 4),
        };
        return new RankedDiagnosis(diagnosis, f);
    }

    /// <summary>The numbers every diagnosis shows: signal with its denominator, outcome mix, change, concentration.</summary>
    public static IEnumerable<EvidenceFigure> CoreFigures(SignalFact f)
    {
        string C(double v) => Metrics.Format(v, MetricFormat.Count);
        string R(double v) => Metrics.Format(v, MetricFormat.Rate);
        if (!f.Rule.Fallback)
        {
            yield return new("signal", $"{C(f.SignalCount)} of {C(f.Attempts)} attempts ({R(f.SignalRate)}): {C(f.SignalDeferred)} deferred, {C(f.SignalBounced)} bounced");
            yield return new("share of deferrals and bounces", $"{R(f.SignalShare)} of {C(f.Deferred + f.Bounced)}");
        }
        yield return new("delivered", $"{C(f.Delivered)} of {C(f.Attempts)} ({R(f.DeliveredRate)})");
        yield return new("deferred", $"{C(f.Deferred)} ({R(f.DeferralRate)})");
        yield return new("bounced", $"{C(f.Bounced)} ({R(f.BounceRate)})");
        if (f.PreviousAttempts > 0)
            yield return new("previous window", f.Rule.Fallback
                ? $"failure rate {R(f.PreviousFailureRate)} of {C(f.PreviousAttempts)} attempts"
                : $"signal {R(f.PreviousSignalRate)} of {C(f.PreviousAttempts)} attempts (change {(f.SignalRateChange >= 0 ? "+" : "")}{R(f.SignalRateChange)})");
        if (f.TopIp is not null && !f.Rule.Fallback)
            yield return new("top sending IP", $"{f.TopIp}: {R(f.TopIpShare)} of the signal ({C(f.SendingIps)} IPs)");
        if (f.TopRecipient is not null)
            yield return new("recipients", $"{C(f.DistinctRecipients)} distinct; busiest {f.TopRecipient} with {R(f.TopRecipientShare)} of the signal");
        if (f.CauseReply is not null)
            yield return new("deferral before expiry", $"{C(f.ExpiredAfterDeferral)} of {C(f.SignalCount)} expiries followed deferrals; most often: {f.CauseReply}");
    }

    /// <summary>Fills <c>{metric}</c> and <c>{receiver}</c>, <c>{scope}</c>, <c>{topIp}</c>, ... placeholders.</summary>
    public static string Fill(string format, SignalFact f) => Placeholder().Replace(format, m =>
    {
        var name = m.Groups[1].Value;
        if (Metrics.ByName.TryGetValue(name, out var metric)) return Metrics.Format(metric.ValueOf(f), metric.Format);
        return name switch
        {
            "receiver" => ReceiverNames.GetValueOrDefault(f.Receiver, f.Receiver),
            "scope" => f.Scope,
            "topIp" => f.TopIp ?? "(no IP recorded)",
            "scopeIp" => f.ScopeIp ?? f.TopIp ?? "(no IP recorded)",
            "topSenderDomain" => f.TopSenderDomain ?? "(no sender domain recorded)",
            "topRecipient" => f.TopRecipient ?? "(no recipient recorded)",
            "causeRules" => f.CauseRules ?? "(none)",
            "causeReply" => f.CauseReply ?? "(no earlier deferral found)",
            "signalRules" => f.SignalRules.Count == 0 ? "(no rule)" : string.Join(", ", f.SignalRules.Take(4)),
            "firstSeen" => f.FirstSeen?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-",
            "lastSeen" => f.LastSeen?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-",
            _ => m.Value,
        };
    });

    /// <summary>Placeholder names a diagnosis message may use besides metric names.</summary>
    public static IReadOnlySet<string> TextPlaceholders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "receiver", "scope", "topIp", "scopeIp", "topSenderDomain", "topRecipient", "causeRules", "causeReply", "signalRules", "firstSeen", "lastSeen",
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    internal static partial Regex Placeholder();
}
