using DeliverabilityBot.Rules.Diagnosis.Facts;

namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>The engine's result: diagnoses best first (without example bounces yet) and the trace.</summary>
/// <param name="Diagnoses">Ranked diagnoses, each with the fact it fired on (to fetch examples).</param>
/// <param name="Trace">Which rules fired on which facts, and why others did not.</param>
public sealed record DiagnosisOutcome(IReadOnlyList<RankedDiagnosis> Diagnoses, DiagnosisTrace Trace);

/// <summary>A diagnosis and the fact behind it.</summary>
/// <param name="Diagnosis">The diagnosis (examples are added by the caller, who can read the store).</param>
/// <param name="Fact">The fact the rule fired on.</param>
public sealed record RankedDiagnosis(Core.Diagnosis.Diagnosis Diagnosis, SignalFact Fact);
