using DeliverabilityBot.Rules.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// A rule file's <c>defaults:</c>: descriptor fields (priority, severity, category, receiver, ...) that every rule of the
/// file inherits unless it sets them itself, so a receiver file states its receiver, help page and priority once.
/// Defaults are applied by adding the default's YAML nodes to each rule mapping that lacks the key, so every check a
/// rule's own field gets applies to an inherited one, and a diagnostic about a default points at the default's line.
/// </summary>
internal sealed class RuleDefaults
{
    private readonly List<(YamlNode Key, YamlNode Value)> _fields = [];
    private readonly (int First, int Last) _lines;
    private readonly HashSet<(string Id, SourceLocation At)> _reported = [];

    private RuleDefaults((int, int) lines) => _lines = lines;

    /// <summary>A file without defaults.</summary>
    public static RuleDefaults None => new((0, -1));

    /// <summary>Reads the file's <c>defaults</c> mapping, reporting keys a rule may not inherit.</summary>
    public static RuleDefaults Read(YamlMap? map)
    {
        if (map is null) return None;
        map.CheckKeys(RuleKeys.Defaults);
        // A block mapping ends where the next top-level key starts: that line is not part of the defaults.
        var end = map.Node.End;
        var defaults = new RuleDefaults(((int)map.Node.Start.Line, (int)(end.Column <= 1 ? end.Line - 1 : end.Line)));
        foreach (var (k, v) in map.Node.Children)
            if (k is YamlScalarNode { Value: { } key } && RuleKeys.Defaults.Contains(key)) defaults._fields.Add((k, v));
        return defaults;
    }

    /// <summary>Adds each default the rule does not set itself to <paramref name="rule"/>.</summary>
    public void ApplyTo(YamlMappingNode rule)
    {
        foreach (var (key, value) in _fields)
            if (!rule.Children.ContainsKey(key)) rule.Children.Add(key, value);
    }

    /// <summary>
    /// Copies a rule's diagnostics into <paramref name="bag"/>, keeping only the first report of each problem found
    /// in the defaults block itself: a bad default is one error at its line, not one per rule that inherits it.
    /// </summary>
    public void Report(DiagnosticBag ruleBag, DiagnosticBag bag)
    {
        foreach (var d in ruleBag.Items)
        {
            var inDefaults = d.Location.Line >= _lines.First && d.Location.Line <= _lines.Last;
            if (!inDefaults || _reported.Add((d.Descriptor.Id, d.Location))) bag.AddRange([d]);
        }
    }
}
