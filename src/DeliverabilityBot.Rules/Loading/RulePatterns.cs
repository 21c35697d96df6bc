using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Matching;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// A rule file's shared regular expressions (<c>patterns:</c>), named once and used by several rules' <c>regex</c>
/// as <c>(?&amp;name)</c>, so a long wording list shared by rules that differ only in their other conditions is
/// written and reviewed once. The syntax is PCRE's subroutine call, which .NET regexes do not have, so it cannot
/// clash with a pattern's own meaning; it expands to <c>(?:...)</c> before the regex is compiled.
/// </summary>
internal sealed partial class RulePatterns
{
    private readonly Dictionary<string, (string Regex, SourceLocation Location)> _patterns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>A file without patterns.</summary>
    public static RulePatterns None => new();

    /// <summary>Reads the file's <c>patterns</c> mapping (name to regex), reporting bad names and regexes.</summary>
    public static RulePatterns Read(YamlMap? map)
    {
        var patterns = new RulePatterns();
        if (map is null) return patterns;
        foreach (var (k, v) in map.Node.Children)
        {
            if (k is not YamlScalarNode { Value: { } name }) continue;
            var at = map.At(k);
            if (!NameFormat().IsMatch(name))
            {
                map.Bag.Report(DiagnosticCatalog.UnknownPattern, at, $"pattern name '{name}' in {map.Context} must be a letter then letters or digits");
                continue;
            }
            if (v is not YamlScalarNode { Value: { Length: > 0 } regex })
            {
                map.Wrong(name, v, "a regular expression (a string)");
                continue;
            }
            if (RuleRegex.TryValidate(regex, out var error, out var needsBacktracking) is null)
            {
                map.Bag.Report(needsBacktracking ? DiagnosticCatalog.RegexNeedsBacktracking : DiagnosticCatalog.InvalidRegex, map.At(v),
                    $"{(needsBacktracking ? "regex needs backtracking" : "invalid regex")} in pattern '{name}': {error}");
                continue;
            }
            patterns._patterns[name] = (regex, at);
        }
        return patterns;
    }

    /// <summary>
    /// <paramref name="regex"/> with each <c>(?&amp;name)</c> replaced by <c>(?:the pattern)</c>; unknown names are
    /// reported at <paramref name="at"/> and make the result null.
    /// </summary>
    public string? Expand(string regex, YamlMap map, SourceLocation at)
    {
        if (!regex.Contains("(?&", StringComparison.Ordinal)) return regex;
        var ok = true;
        var expanded = Reference().Replace(regex, m =>
        {
            var name = m.Groups["name"].Value;
            if (_patterns.TryGetValue(name, out var p))
            {
                _used.Add(name);
                return "(?:" + p.Regex + ")";
            }
            ok = false;
            map.Bag.Report(DiagnosticCatalog.UnknownPattern, at,
                $"unknown pattern '{name}' in {map.Context}{DidYouMean.Hint(name, _patterns.Keys)}; define it under the file's 'patterns:'");
            return m.Value;
        });
        return ok ? expanded : null;
    }

    /// <summary>Reports each pattern no rule used (a leftover, or a typo in a rule that then failed).</summary>
    public void ReportUnused(DiagnosticBag bag)
    {
        foreach (var (name, p) in _patterns)
            if (!_used.Contains(name))
                bag.Report(DiagnosticCatalog.UnusedPattern, p.Location, $"pattern '{name}' is not used by any rule's regex");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex NameFormat();

    [GeneratedRegex(@"\(\?&(?<name>[^)]*)\)")]
    private static partial Regex Reference();
}
