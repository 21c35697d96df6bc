using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Reads examples (a reply string, or a mapping with reply, to, remoteHost, stage, action, kind) and exampleDefaults.</summary>
internal static class ExampleParser
{
    /// <summary>Reads a list of examples under <paramref name="key"/>; null when absent.</summary>
    public static List<ExampleCase>? List(YamlMap rule, string key, ExampleCase defaults)
    {
        var seq = rule.Sequence(key, required: false);
        if (seq is null) return null;
        var list = new List<ExampleCase>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { } reply } && !YamlMap.IsNull(item))
                list.Add(new ExampleCase { Reply = reply, Location = rule.At(item) }.WithDefaults(defaults));
            else if (item is YamlMappingNode m && Map(new YamlMap(m, rule.FilePath, $"an example of {rule.Context}", rule.Bag), RuleKeys.Example) is { } ex)
                list.Add(ex.WithDefaults(defaults));
            else if (item is not YamlMappingNode)
                rule.Wrong(key, item, "a reply string or a mapping with reply, to, remoteHost, stage, action", "each item of ");
        }
        return list;
    }

    /// <summary>Reads an example mapping (or exampleDefaults with <see cref="RuleKeys.ExampleDefaults"/>).</summary>
    public static ExampleCase? Map(YamlMap map, IReadOnlySet<string> keys)
    {
        map.CheckKeys(keys);
        var errors = map.Bag.Items.Count(d => d.IsError);
        var reply = keys.Contains("reply") ? map.String("reply", required: true) : null;
        var example = new ExampleCase
        {
            Reply = reply,
            To = map.String("to", false)?.Trim().ToLowerInvariant(),
            RemoteHost = map.String("remoteHost", false)?.Trim().ToLowerInvariant(),
            Stage = Enum(map, "stage", FieldNames.Stages),
            Action = Enum(map, "action", FieldNames.Actions),
            Kind = Enum(map, "kind", FieldNames.Kinds),
            Format = Format(map),
            Location = map.Location,
        };
        return map.Bag.Items.Count(d => d.IsError) > errors ? null : example;
    }

    private static string? Format(YamlMap map)
    {
        var v = map.String("format", false)?.Trim().ToLowerInvariant();
        if (v is null || SourceFormats.IsKnown(v)) return v;
        ConditionParser.Unknown(map, map.At(map.Get("format")!), "format", v, SourceFormats.All.Order(StringComparer.Ordinal));
        return null;
    }

    private static T? Enum<T>(YamlMap map, string key, IReadOnlyDictionary<string, T> names) where T : struct
    {
        var v = map.String(key, false);
        if (v is null) return null;
        if (names.TryGetValue(v.Trim().ToLowerInvariant(), out var e)) return e;
        ConditionParser.Unknown(map, map.At(map.Get(key)!), key, v, names.Keys);
        return null;
    }
}
