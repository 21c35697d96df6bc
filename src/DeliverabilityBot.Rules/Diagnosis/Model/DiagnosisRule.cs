using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Diagnosis.Model;

/// <summary>
/// A stage-2 rule, as written in <c>rules/diagnosis/*.yaml</c>: the same descriptor fields as a classification
/// rule, a signal (which attempts count), thresholds on metrics of that signal over a window and scope,
/// and a confidence. Thresholds live here, never in code.
/// </summary>
public sealed class DiagnosisRule : DescribedRule
{
    /// <summary>Reference URLs.</summary>
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>Scenario fixtures (folder names under <c>tests/fixtures/scenarios</c>) where this is the top diagnosis.</summary>
    public required IReadOnlyList<string> Examples { get; init; }

    /// <summary>What the rule is about: a receiver, one sending IP or stream at a receiver, or one sender domain across receivers.</summary>
    public DiagnosisScopeKind Scope { get; init; } = DiagnosisScopeKind.Receiver;

    /// <summary>Which attempts are the signal.</summary>
    public required SignalSelector Signal { get; init; }

    /// <summary>Thresholds; all must hold.</summary>
    public required IReadOnlyList<MetricCondition> When { get; init; }

    /// <summary>Confidence when the signal is small.</summary>
    public double Confidence { get; init; } = 0.8;

    /// <summary>Signal count at which the confidence reaches <see cref="Confidence"/> in full (below: up to 30% less).</summary>
    public long ConfidentAt { get; init; } = 1;

    /// <summary>
    /// Diagnosis rule ids (globs like <c>DIAG1*</c> allowed) this one follows from, e.g. queue expiries from a deferral
    /// episode. When one of them fired for the same receiver, this diagnosis is shown under it, never ranked above it.
    /// </summary>
    public IReadOnlyList<string> CausedBy { get; init; } = [];

    /// <summary>True for the "no systemic problem" kind: fires only when no other diagnosis fired.</summary>
    public bool Fallback { get; init; }

    /// <summary>The file the rule is in (display path).</summary>
    public string File { get; init; } = string.Empty;

    /// <summary>1-based line of the rule in <see cref="File"/>, 0 when built in code.</summary>
    public int Line { get; init; }

    /// <summary>True when any condition or placeholder needs the named metric.</summary>
    public bool Uses(string metric) =>
        When.Any(c => c.Metric == metric) || Title.Contains('{' + metric + '}', StringComparison.Ordinal)
        || Message.Contains('{' + metric + '}', StringComparison.Ordinal);
}
