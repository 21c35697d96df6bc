using DeliverabilityBot.Rules.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Typed, reporting access to one YAML mapping: every read names the key and the context
/// (e.g. "rule ICL1001") in its diagnostic, and <see cref="CheckKeys"/> makes sure no key is silently ignored.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string path, string context, DiagnosticBag bag)
{
    public YamlMappingNode Node => node;
    public string Context => context;
    public DiagnosticBag Bag => bag;
    public string FilePath => path;
    public SourceLocation Location => At(node);

    public SourceLocation At(YamlNode n) => YamlDocumentReader.Loc(path, n.Start);

    public YamlNode? Get(string key)
    {
        foreach (var (k, v) in node.Children)
            if (k is YamlScalarNode { Value: { } s } && s == key) return v;
        return null;
    }

    public SourceLocation KeyAt(string key)
    {
        foreach (var (k, _) in node.Children)
            if (k is YamlScalarNode { Value: { } s } && s == key) return At(k);
        return Location;
    }

    public void CheckKeys(IReadOnlySet<string> known)
    {
        foreach (var (k, _) in node.Children)
        {
            if (k is not YamlScalarNode { Value: { } key })
            {
                bag.Report(DiagnosticCatalog.WrongType, At(k), $"keys in {context} must be plain names");
                continue;
            }
            if (!known.Contains(key))
                bag.Report(DiagnosticCatalog.UnknownKey, At(k), $"unknown key '{key}' in {context}{DidYouMean.Hint(key, known)}");
        }
    }

    public static bool IsNull(YamlNode n) =>
        n is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>A string value; reports missing (when required) or wrong type; null/~ reads as absent.</summary>
    public string? String(string key, bool required)
    {
        var n = Get(key);
        if (n is null || IsNull(n))
        {
            if (required) Missing(key);
            return null;
        }
        if (n is YamlScalarNode { Value: { } v })
        {
            if (required && v.Trim().Length == 0) Missing(key);
            return v;
        }
        Wrong(key, n, "a string");
        return null;
    }

    public bool? Bool(string key)
    {
        var n = Get(key);
        if (n is null || IsNull(n)) return null;
        if (n is YamlScalarNode { Value: "true" or "True" or "TRUE" }) return true;
        if (n is YamlScalarNode { Value: "false" or "False" or "FALSE" }) return false;
        Wrong(key, n, "true or false");
        return null;
    }

    public int? Int(string key)
    {
        var n = Get(key);
        if (n is null || IsNull(n)) return null;
        if (n is YamlScalarNode { Value: { } v } && int.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i)) return i;
        Wrong(key, n, "a whole number");
        return null;
    }

    /// <summary>A string or a list of strings (flattened); null when absent.</summary>
    public List<(string Value, YamlNode Node)>? Strings(string key, bool required)
    {
        var n = Get(key);
        if (n is null || IsNull(n))
        {
            if (required) Missing(key);
            return null;
        }
        return StringsOf(n, key);
    }

    public List<(string Value, YamlNode Node)>? StringsOf(YamlNode n, string key)
    {
        if (n is YamlScalarNode { Value: { } one }) return [(one, n)];
        if (n is not YamlSequenceNode seq)
        {
            Wrong(key, n, "a string or a list of strings");
            return null;
        }
        var list = new List<(string, YamlNode)>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { } s } && !IsNull(item)) list.Add((s, item));
            else Wrong(key, item, "a string", "each item of ");
        }
        return list;
    }

    public YamlMap? Map(string key, string childContext, bool required)
    {
        var n = Get(key);
        if (n is null || IsNull(n))
        {
            if (required) Missing(key);
            return null;
        }
        if (n is YamlMappingNode m) return new YamlMap(m, path, childContext, bag);
        Wrong(key, n, "a mapping");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var n = Get(key);
        if (n is null || IsNull(n))
        {
            if (required) Missing(key);
            return null;
        }
        if (n is YamlSequenceNode s) return s;
        Wrong(key, n, "a list");
        return null;
    }

    public void Missing(string key) =>
        bag.Report(DiagnosticCatalog.MissingField, Location, $"missing required field '{key}' in {context}");

    public void Wrong(string key, YamlNode n, string expected, string prefix = "") =>
        bag.Report(DiagnosticCatalog.WrongType, At(n), $"{prefix}'{key}' in {context} must be {expected}, not {Describe(n)}");

    public static string Describe(YamlNode n) => n switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: var v } => $"'{Shorten(v ?? string.Empty)}'",
        _ => "this value",
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
