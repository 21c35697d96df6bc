using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Rules.Diagnosis.Loading;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>The diagnosis rules in service and the engine compiled from them (deployment overrides applied), swapped as a unit.</summary>
/// <param name="Rules">The loaded diagnosis rules (clean files only), all of them, for the rule catalog.</param>
/// <param name="Engine">The engine over the rules the deployment has not turned off.</param>
public sealed record DiagnosisRuleSet(LoadedDiagnosisRules Rules, DiagnosisEngine Engine);
