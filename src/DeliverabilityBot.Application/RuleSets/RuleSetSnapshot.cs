using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>One rule set in service: the loaded rules and the classifier compiled from them, swapped as a unit.</summary>
/// <param name="Rules">The loaded rules (clean files only).</param>
/// <param name="Classifier">The classifier compiled from <paramref name="Rules"/>.</param>
/// <param name="Version">1 for the rule set at start-up, +1 per reload that was applied.</param>
/// <param name="LoadedAt">When it was loaded.</param>
public sealed record RuleSetSnapshot(LoadedRuleSet Rules, IBounceClassifier Classifier, int Version, DateTimeOffset LoadedAt);
