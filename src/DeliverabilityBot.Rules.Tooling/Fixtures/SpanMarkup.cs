using System.Text.RegularExpressions;

namespace DeliverabilityBot.Rules.Fixtures;

/// <summary>Roslyn-style span markup in fixtures: <c>{|ICL1001:matched text|}</c>, one or more per string.</summary>
public static partial class SpanMarkup
{
    /// <summary>The (rule id, text) pairs marked up, or null when the markup is malformed.</summary>
    public static IReadOnlyList<(string RuleId, string Text)>? Parse(string markup)
    {
        var matches = Marked().Matches(markup);
        if (matches.Count == 0) return null;
        return matches.Select(m => (m.Groups["id"].Value, m.Groups["text"].Value)).ToArray();
    }

    /// <summary>Marks up <paramref name="text"/> for <paramref name="ruleId"/>.</summary>
    public static string Mark(string ruleId, string text) => $"{{|{ruleId}:{text}|}}";

    [GeneratedRegex(@"\{\|(?<id>[A-Z]{2,5}[0-9]{4}):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Marked();
}
