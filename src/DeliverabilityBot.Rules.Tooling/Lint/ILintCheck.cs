using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>One lint check (one concept per check, like one analyzer per file).</summary>
public interface ILintCheck
{
    /// <summary>Reports what the check finds into <paramref name="bag"/>.</summary>
    void Run(LintContext context, DiagnosticBag bag);
}
