using DeliverabilityBot.Rules.Diagnosis.Facts;

namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>
/// Inserted by a diagnosis rule's action: the rule concluded on a fact. Fallback rules ("no systemic
/// problem") fire only while no such fact exists (forward chaining).
/// </summary>
public sealed class FiredDiagnosis
{
    /// <summary>Creates it.</summary>
    public FiredDiagnosis(SignalFact fact) => Fact = fact;

    /// <summary>The fact the rule fired on.</summary>
    public SignalFact Fact { get; }

    /// <summary>Called from compiled rule actions (NRules right-hand side).</summary>
    public static void Conclude(NRules.RuleModel.IContext context, SignalFact fact) => context.Insert(new FiredDiagnosis(fact));
}
