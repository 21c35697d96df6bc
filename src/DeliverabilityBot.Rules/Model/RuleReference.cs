using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Model;

/// <summary>A source a rule was written from, and how sure it is.</summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Confidence"><c>official</c>, <c>observed</c> or <c>secondary</c>; null when not given.</param>
/// <param name="Location">Where the reference is.</param>
public sealed record RuleReference(string Url, string? Confidence, SourceLocation Location)
{
    /// <summary>The confidence labels a reference may carry.</summary>
    public static IReadOnlySet<string> Confidences { get; } = new HashSet<string>(StringComparer.Ordinal) { "official", "observed", "secondary" };
}
