using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Rules.Model;

/// <summary>
/// The descriptor fields every rule carries, like Roslyn's <c>DiagnosticDescriptor</c>: a stable id, title, message,
/// category, severity, priority, help link, explanation and actions. Classification rules (<see cref="RuleDescriptor"/>)
/// and diagnosis rules add what they match on.
/// </summary>
public abstract class DescribedRule
{
    /// <summary>Stable id, e.g. <c>ICL1001</c> or <c>DIAG1001</c>; never reused.</summary>
    public required string Id { get; init; }

    /// <summary>Short name (a diagnosis rule's may hold metric placeholders).</summary>
    public required string Title { get; init; }

    /// <summary>Message format with placeholders.</summary>
    public required string Message { get; init; }

    /// <summary>A diagnosis category.</summary>
    public required string Category { get; init; }

    /// <summary>Default severity.</summary>
    public required RuleSeverity Severity { get; init; }

    /// <summary>0-1000, higher wins (a tie-break between diagnoses of equal score).</summary>
    public int Priority { get; init; } = 100;

    /// <summary>Where people read more.</summary>
    public required string HelpUri { get; init; }

    /// <summary>What it means.</summary>
    public required string Explanation { get; init; }

    /// <summary>Ordered remediation steps.</summary>
    public required IReadOnlyList<string> Actions { get; init; }
}
