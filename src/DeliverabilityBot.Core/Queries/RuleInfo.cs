using DeliverabilityBot.Core.Classification;

namespace DeliverabilityBot.Core.Queries;

/// <summary>A rule as people see it: what the bot says when asked "what is ICL1001?".</summary>
public sealed record RuleInfo(
    string Id,
    string Title,
    RuleSeverity Severity,
    RuleScope Scope,
    string Category,
    string Explanation,
    IReadOnlyList<string> Actions,
    string? HelpUri,
    IReadOnlyList<string> References,
    IReadOnlyList<string> Examples,
    string SourceFile);
