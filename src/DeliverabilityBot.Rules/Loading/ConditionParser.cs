using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model.Conditions;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Reads a <c>match</c> mapping into a condition tree, validating every leaf value.</summary>
internal static class ConditionParser
{
    /// <summary>Parses a condition map (an implicit all); null when it is unusable.</summary>
    public static Condition? Parse(YamlMap map, string path, RulePatterns patterns)
    {
        map.CheckKeys(RuleKeys.Condition);
        if (map.Node.Children.Count == 0)
        {
            map.Bag.Report(DiagnosticCatalog.EmptyCondition, map.Location, $"'{path}' in {map.Context} has no conditions");
            return null;
        }
        var children = new List<Condition>();
        foreach (var (k, v) in map.Node.Children)
        {
            if (k is not YamlScalarNode { Value: { } key } || !RuleKeys.Condition.Contains(key)) continue;
            var child = key switch
            {
                "all" or "any" => Group(map, key, v, $"{path}.{key}", patterns),
                "not" => Not(map, v, $"{path}.not", patterns),
                _ => Leaf(map, key, v, $"{path}.{key}", patterns),
            };
            if (child is not null) children.Add(child);
        }
        return new AllCondition(path, map.Location, children);
    }

    private static Condition? Group(YamlMap map, string key, YamlNode node, string path, RulePatterns patterns)
    {
        if (node is not YamlSequenceNode seq)
        {
            map.Wrong(key, node, "a list of condition mappings");
            return null;
        }
        if (seq.Children.Count == 0)
        {
            map.Bag.Report(DiagnosticCatalog.EmptyCondition, map.At(node), $"'{key}' in {map.Context} has no conditions");
            return null;
        }
        var children = new List<Condition>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is not YamlMappingNode m)
            {
                map.Wrong(key, seq.Children[i], "a condition mapping", "each item of ");
                continue;
            }
            if (Parse(new YamlMap(m, map.FilePath, map.Context, map.Bag), $"{path}[{i}]", patterns) is { } c) children.Add(c);
        }
        var loc = map.At(node);
        return key == "all" ? new AllCondition(path, loc, children) : new AnyCondition(path, loc, children);
    }

    private static Condition? Not(YamlMap map, YamlNode node, string path, RulePatterns patterns)
    {
        if (node is not YamlMappingNode m)
        {
            map.Wrong("not", node, "a condition mapping");
            return null;
        }
        var child = Parse(new YamlMap(m, map.FilePath, map.Context, map.Bag), path, patterns);
        return child is null ? null : new NotCondition(path, map.At(node), child);
    }

    private static Condition? Leaf(YamlMap map, string key, YamlNode node, string path, RulePatterns patterns)
    {
        if (key == "regex" && node is not YamlScalarNode)
        {
            map.Wrong(key, node, "one regular expression (a string)");
            return null;
        }
        var values = map.StringsOf(node, key);
        if (values is null) return null;
        if (values.Count == 0)
        {
            map.Bag.Report(DiagnosticCatalog.EmptyCondition, map.At(node), $"'{key}' in {map.Context} lists no values");
            return null;
        }
        if (key == "regex")
        {
            if (patterns.Expand(values[0].Value, map, map.At(node)) is not { } text) return null;
            var regex = RulePattern.TryCreate(text, out var error, out var needsBacktracking);
            if (regex is null)
                map.Bag.Report(needsBacktracking ? DiagnosticCatalog.RegexNeedsBacktracking : DiagnosticCatalog.InvalidRegex, map.At(node),
                    $"{(needsBacktracking ? "regex needs backtracking" : "invalid regex")} in {map.Context}: {error}");
            return regex is null ? null : new LeafCondition(path, map.At(node), key, [text]) { Pattern = regex };
        }
        var ok = true;
        foreach (var (value, at) in values) ok &= CheckValue(map, key, value, at);
        return ok ? new LeafCondition(path, map.At(node), key, values.Select(v => Normalise(key, v.Value)).ToArray()) : null;
    }

    private static string Normalise(string key, string v) => key is "contains" or "regex" ? v : v.Trim().ToLowerInvariant();

    private static bool CheckValue(YamlMap map, string key, string value, YamlNode at)
    {
        var bag = map.Bag;
        var loc = map.At(at);
        var v = value.Trim().ToLowerInvariant();
        switch (key)
        {
            case "receiver" when !ReceiverIds.IsWellFormed(v):
                bag.Report(DiagnosticCatalog.InvalidReceiverId, loc, $"'{value}' in {map.Context} is not a receiver id (lower-case letters and digits, e.g. icloud)");
                return false;
            case "domain" or "host" when !GlobPattern.TryParse(v, out _):
                bag.Report(DiagnosticCatalog.InvalidPattern, loc, $"'{value}' in {map.Context} is not a {key} glob (letters, digits, '.', '-', '*')");
                return false;
            case "code" when !CodePattern.TryParse(v, out _):
                bag.Report(DiagnosticCatalog.InvalidPattern, loc, $"'{value}' in {map.Context} is not a reply code pattern (e.g. 554 or 5xx)");
                return false;
            case "status" when !StatusPattern.TryParse(v, out _):
                bag.Report(DiagnosticCatalog.InvalidPattern, loc, $"'{value}' in {map.Context} is not an enhanced status pattern (e.g. 5.7.1 or 4.7.*)");
                return false;
            case "contains" when value.Length == 0:
                bag.Report(DiagnosticCatalog.EmptyCondition, loc, $"empty 'contains' text in {map.Context} would match every reply");
                return false;
            case "stage" when !FieldNames.Stages.ContainsKey(v):
                return Unknown(map, loc, "stage", value, FieldNames.Stages.Keys);
            case "action" when !FieldNames.Actions.ContainsKey(v):
                return Unknown(map, loc, "action", value, FieldNames.Actions.Keys);
            case "kind" when !FieldNames.Kinds.ContainsKey(v):
                return Unknown(map, loc, "kind", value, FieldNames.Kinds.Keys);
            case "format" when !SourceFormats.IsKnown(v):
                return Unknown(map, loc, "format", value, SourceFormats.All.Order(StringComparer.Ordinal));
        }
        return true;
    }

    internal static bool Unknown(YamlMap map, SourceLocation loc, string what, string value, IEnumerable<string> known)
    {
        var list = known.ToArray();
        map.Bag.Report(DiagnosticCatalog.UnknownEnumValue, loc,
            $"unknown {what} '{value}' in {map.Context}{DidYouMean.Hint(value, list)} (expected one of: {string.Join(", ", list)})");
        return false;
    }
}
