using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>What one reload attempt did: applied (the new set serves) or rejected (the last good set keeps serving).</summary>
/// <param name="Applied">True when the new rule set replaced the active one.</param>
/// <param name="At">When the attempt finished.</param>
/// <param name="ActiveVersion">The version serving after the attempt.</param>
/// <param name="Diagnostics">The new set's diagnostics (errors explain a rejection), or the failure as one line.</param>
public sealed record ReloadOutcome(bool Applied, DateTimeOffset At, int ActiveVersion, IReadOnlyList<string> Diagnostics)
{
    /// <summary>An outcome from a loaded set's diagnostics, rendered like the compiler (<c>file(line,col): error DBR0004: ...</c>).</summary>
    public static ReloadOutcome From(bool applied, int version, IEnumerable<RuleDiagnostic> diagnostics, TimeProvider clock) =>
        new(applied, clock.GetUtcNow(), version, [.. diagnostics.Select(d => d.ToString())]);
}
