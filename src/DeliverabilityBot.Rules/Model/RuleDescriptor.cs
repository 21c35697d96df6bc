using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Model;

/// <summary>One classification rule, as written: a descriptor (id, title, message, ...), a match and its conclusions.</summary>
public sealed class RuleDescriptor : DescribedRule
{
    /// <summary>Sources.</summary>
    public required IReadOnlyList<RuleReference> References { get; init; }
    /// <summary>The condition tree (an implicit <c>all</c> at the top).</summary>
    public required Condition Match { get; init; }
    /// <summary>Concluded Sisimai reason, or null.</summary>
    public string? Reason { get; init; }
    /// <summary>Concluded receiver, or null.</summary>
    public string? Receiver { get; init; }
    /// <summary>Where the concluded receiver is written (checked against the loaded registry after every file is read).</summary>
    public SourceLocation? ReceiverLocation { get; init; }
    /// <summary>Concluded filter, or null.</summary>
    public string? Filter { get; init; }
    /// <summary>Concluded retryability, or null.</summary>
    public bool? Retryable { get; init; }
    /// <summary>Concluded hard bounce, or null.</summary>
    public bool? HardBounce { get; init; }
    /// <summary>Replies that must match (defaults applied).</summary>
    public required IReadOnlyList<ExampleCase> Examples { get; init; }
    /// <summary>Near misses that must not match (defaults applied).</summary>
    public IReadOnlyList<ExampleCase> CounterExamples { get; init; } = [];
    /// <summary>The family's scope.</summary>
    public required RuleScope Scope { get; init; }
    /// <summary>The file the rule is in (display path).</summary>
    public required string File { get; init; }
    /// <summary>Where the rule's mapping starts.</summary>
    public SourceLocation Location { get; init; }
    /// <summary>Where the id value is.</summary>
    public SourceLocation IdLocation { get; init; }
    /// <summary>Where the message value is.</summary>
    public SourceLocation MessageLocation { get; init; }
}
