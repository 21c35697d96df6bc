namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>A stage-2 conclusion over a window of events: what is happening, how sure, the numbers, what to do.</summary>
public sealed class Diagnosis
{
    /// <summary>The diagnosis rule's stable id, e.g. <c>DIAG1001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Short title with numbers filled in.</summary>
    public required string Title { get; init; }

    /// <summary>One of <see cref="Vocabulary.DiagnosisCategories.All"/>.</summary>
    public required string Category { get; init; }

    /// <summary>0 to 1.</summary>
    public double Confidence { get; init; }

    /// <summary>What the diagnosis is about: <c>receiver:icloud</c>, <c>ip:203.0.113.7</c>, <c>domain:example.com</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>Numbers and example bounces that support it.</summary>
    public DiagnosisEvidence Evidence { get; init; } = new();

    /// <summary>What this means.</summary>
    public string Explanation { get; init; } = string.Empty;

    /// <summary>Ordered actions.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Ids of the diagnosis rule and of the classification rules behind the evidence.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Reference URLs.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// Ranking score (higher first): the messages the diagnosis affects (attempts where the store has no message rows),
    /// with severity and confidence breaking ties. A consequence is listed under its cause
    /// whatever its score.
    /// </summary>
    public double Score { get; init; }

    /// <summary>How many messages (attempts where the store has no message rows) the diagnosis affects: the first ranking key.</summary>
    public long Affected { get; init; }

    /// <summary>The diagnosis this one follows from (queue expiries after a deferral episode), or null for a root cause.</summary>
    public DiagnosisCause? CausedBy { get; init; }
}
