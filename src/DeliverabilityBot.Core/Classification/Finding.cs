namespace DeliverabilityBot.Core.Classification;

/// <summary>What one classification rule concluded about one bounce event.</summary>
public sealed class Finding
{
    /// <summary>The rule's stable id, e.g. <c>ICL1001</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>The rule's title.</summary>
    public required string Title { get; init; }

    /// <summary>The rule's message with placeholders filled in.</summary>
    public required string Message { get; init; }

    /// <summary>The effective severity (after deployment overrides).</summary>
    public RuleSeverity Severity { get; init; }

    /// <summary>The rule family's scope.</summary>
    public RuleScope Scope { get; init; }

    /// <summary>The rule's category (a diagnosis category).</summary>
    public string Category { get; init; } = "none";

    /// <summary>Higher wins when findings conflict.</summary>
    public int Priority { get; init; }

    /// <summary>Sisimai reason, or null when the rule does not conclude one.</summary>
    public string? Reason { get; init; }

    /// <summary>Receiver id, or null when the rule does not conclude one.</summary>
    public string? Receiver { get; init; }

    /// <summary>Filter id, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>Whether retrying can succeed, or null when the rule does not say.</summary>
    public bool? Retryable { get; init; }

    /// <summary>Whether the address itself is bad (suppress it), or null when the rule does not say.</summary>
    public bool? HardBounce { get; init; }

    /// <summary>What this means, for people.</summary>
    public string Explanation { get; init; } = string.Empty;

    /// <summary>Ordered remediation steps.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Reference URLs (help link first).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The rule's help link.</summary>
    public string? HelpUri { get; init; }

    /// <summary>What matched, condition by condition.</summary>
    public IReadOnlyList<MatchedSpan> Matches { get; init; } = [];
}
