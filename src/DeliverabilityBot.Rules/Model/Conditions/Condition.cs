using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Model.Conditions;

/// <summary>A node of a rule's <c>match</c> tree.</summary>
/// <param name="Path">The condition's path in the rule, e.g. <c>match.all[1].regex</c>, reported with matched spans.</param>
/// <param name="Location">Where it is written.</param>
public abstract record Condition(string Path, SourceLocation Location);

/// <summary><c>all</c> (and a <c>match</c> map): every child holds.</summary>
public sealed record AllCondition(string Path, SourceLocation Location, IReadOnlyList<Condition> Children) : Condition(Path, Location);

/// <summary><c>any</c>: at least one child holds.</summary>
public sealed record AnyCondition(string Path, SourceLocation Location, IReadOnlyList<Condition> Children) : Condition(Path, Location);

/// <summary><c>not</c>: the child does not hold.</summary>
public sealed record NotCondition(string Path, SourceLocation Location, Condition Child) : Condition(Path, Location);

/// <summary>A leaf testing one field of the event against one or more values (any value may match).</summary>
/// <param name="Path">Condition path.</param>
/// <param name="Location">Where it is written.</param>
/// <param name="Field">Which leaf key: receiver, domain, host, code, status, contains, regex, stage, action, kind.</param>
/// <param name="Values">The values as written (lists flattened).</param>
public sealed record LeafCondition(string Path, SourceLocation Location, string Field, IReadOnlyList<string> Values) : Condition(Path, Location)
{
    /// <summary>For a <c>regex</c> leaf, the pattern checked while validating; its regex is built on first use.</summary>
    public Matching.RulePattern? Pattern { get; init; }
}
