using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>
/// One rule set in service: the loaded classification rules, the classifier compiled from them and the diagnosis rules
/// read from the same folder, swapped as a unit.
/// </summary>
/// <param name="Rules">The loaded rules (clean files only).</param>
/// <param name="Classifier">The classifier compiled from <paramref name="Rules"/>.</param>
/// <param name="Version">1 for the rule set at start-up, +1 per reload that was applied.</param>
/// <param name="LoadedAt">When it was loaded.</param>
public sealed record RuleSetSnapshot(LoadedRuleSet Rules, IBounceClassifier Classifier, int Version, DateTimeOffset LoadedAt)
{
    /// <summary>The diagnosis rules serving beside <see cref="Rules"/> (the first set loads them on first use; a reload, with the rest), or null when none were given.</summary>
    internal Lazy<DiagnosisRuleSet>? LazyDiagnosis { get; init; }

    /// <summary>The diagnosis rules serving beside <see cref="Rules"/>, or null when the set was built without them.</summary>
    public DiagnosisRuleSet? Diagnosis => LazyDiagnosis?.Value;
}
