using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnosis.Facts;
using DeliverabilityBot.Rules.Diagnosis.Model;

namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>
/// Cause before consequence: links each fired diagnosis to the fired diagnosis it follows from (<c>causedBy</c>),
/// ranks root causes by what they affect, then severity, then confidence, and lists every consequence right
/// under its cause, never above it.
/// </summary>
public static class DiagnosisRanking
{
    /// <summary>
    /// The first ranking key: the messages the signal touched when the input carries message counts, else its attempts.
    /// The one place that chooses, so switching to messages changes nothing else.
    /// </summary>
    public static double Affected(SignalFact f) => f.SignalMessages ?? f.SignalCount;

    /// <summary>The ranking score: affected count, then severity (tenths), then confidence (below a tenth); 0 for the fallback.</summary>
    public static double Score(SignalFact f, double confidence) => f.Rule.Fallback ? 0
        : Math.Round(Affected(f) + 0.1 * SeverityRank(f.Rule.Severity) + 0.09 * confidence, 4);

    /// <summary>For each fired fact whose rule names causes, the fired fact it follows from (same receiver, or a scope over all receivers).</summary>
    public static IReadOnlyDictionary<SignalFact, SignalFact> Link(IReadOnlyCollection<SignalFact> fired)
    {
        var links = new Dictionary<SignalFact, SignalFact>(ReferenceEqualityComparer.Instance);
        foreach (var f in fired.Where(f => f.Rule.CausedBy.Count > 0).OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Scope, StringComparer.Ordinal))
        {
            var causeRules = f.CauseRules?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var cause = fired
                .Where(c => !ReferenceEquals(c, f) && f.Rule.CausedBy.Any(g => IdGlob.Matches(g, c.RuleId)))
                .Where(c => c.Receiver == f.Receiver || c.Receiver == SignalFactBuilder.AllScope)
                .Where(c => !Reaches(links, c, f))
                // The cause whose replies preceded the consequence (the drill-down's most common last deferral) first.
                .OrderByDescending(c => c.SignalRules.Intersect(causeRules, StringComparer.OrdinalIgnoreCase).Count())
                .ThenByDescending(c => c.SignalDeferred)
                .ThenByDescending(Affected)
                .ThenBy(c => c.RuleId, StringComparer.Ordinal).ThenBy(c => c.Scope, StringComparer.Ordinal)
                .FirstOrDefault();
            if (cause is not null) links[f] = cause;
        }
        return links;
    }

    /// <summary>Root causes best first, each followed by its consequences (recursively).</summary>
    public static IReadOnlyList<RankedDiagnosis> Order(IReadOnlyList<RankedDiagnosis> ranked, IReadOnlyDictionary<SignalFact, SignalFact> links)
    {
        var present = new HashSet<SignalFact>(ranked.Select(r => r.Fact), ReferenceEqualityComparer.Instance);
        var children = ranked.Where(r => links.TryGetValue(r.Fact, out var c) && present.Contains(c))
            .ToLookup(r => links[r.Fact], ReferenceEqualityComparer.Instance);
        var ordered = new List<RankedDiagnosis>(ranked.Count);
        void Add(RankedDiagnosis r)
        {
            ordered.Add(r);
            foreach (var c in Best(children[r.Fact])) Add(c);
        }
        foreach (var root in Best(ranked.Where(r => !links.TryGetValue(r.Fact, out var c) || !present.Contains(c)))) Add(root);
        return ordered;
    }

    private static IEnumerable<RankedDiagnosis> Best(IEnumerable<RankedDiagnosis> items) => items
        .OrderByDescending(r => r.Fact.Rule.Fallback ? -1 : Affected(r.Fact))
        .ThenByDescending(r => SeverityRank(r.Fact.Rule.Severity))
        .ThenByDescending(r => r.Diagnosis.Confidence)
        .ThenBy(r => r.Diagnosis.Id, StringComparer.Ordinal).ThenBy(r => r.Diagnosis.Scope, StringComparer.Ordinal);

    private static int SeverityRank(RuleSeverity s) => s switch { RuleSeverity.Error => 3, RuleSeverity.Warning => 2, _ => 1 };

    private static bool Reaches(IReadOnlyDictionary<SignalFact, SignalFact> links, SignalFact from, SignalFact to)
    {
        for (var at = from; links.TryGetValue(at, out var next);)
        {
            if (ReferenceEquals(next, to)) return true;
            at = next;
        }
        return false;
    }
}
