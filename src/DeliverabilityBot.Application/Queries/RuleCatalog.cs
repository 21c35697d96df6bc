using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Queries;
using DeliverabilityBot.Rules.Diagnosis.Model;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Application.Queries;

/// <summary>Classification and diagnosis rules as people see them (<see cref="RuleInfo"/>), for "what is ICL1001?".</summary>
internal sealed class RuleCatalog
{
    private readonly IReadOnlyList<RuleInfo> _all;

    public RuleCatalog(LoadedRuleSet rules, IReadOnlyList<DiagnosisRule> diagnosisRules)
    {
        var list = rules.Rules.Select(r => r.Descriptor).Select(d => new RuleInfo(
            d.Id, d.Title, d.Severity, d.Scope, d.Category, d.Explanation, d.Actions, d.HelpUri,
            d.References.Select(x => x.Url).ToArray(), d.Examples.Select(e => e.Reply ?? string.Empty).Where(e => e.Length > 0).ToArray(), d.File)).ToList();
        // Diagnosis rules have no classification scope; Generic is the closest (they span receivers).
        list.AddRange(diagnosisRules.Select(d => new RuleInfo(
            d.Id, d.Title, d.Severity, RuleScope.Generic, d.Category, d.Explanation, d.Actions, d.HelpUri, d.References, d.Examples, d.File)));
        _all = list;
    }

    public RuleInfo? Find(string id) => _all.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<RuleInfo> Search(string text, int limit)
    {
        var t = text.Trim();
        if (t.Length == 0 || limit <= 0) return [];
        bool Has(string? s) => s is not null && s.Contains(t, StringComparison.OrdinalIgnoreCase);
        return _all.Select(r => (r, score: Has(r.Id) ? 3 : Has(r.Title) ? 2 : r.Examples.Any(Has) ? 1 : Has(r.Explanation) ? 0 : -1))
            .Where(x => x.score >= 0).OrderByDescending(x => x.score).ThenBy(x => x.r.Id, StringComparer.Ordinal)
            .Take(limit).Select(x => x.r).ToList();
    }
}
