using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// A rule file's named remediation steps (<c>sharedActions:</c>), used by rules as <c>- use: name</c> in their
/// <c>actions</c>, so advice several rules give (an escalation to the receiver's postmaster, "do not suppress the
/// recipient") is written and reviewed once. A name stands for one step or an ordered list of steps.
/// </summary>
internal sealed partial class SharedActions
{
    private readonly Dictionary<string, (IReadOnlyList<string> Steps, SourceLocation Location)> _actions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>A file without shared actions.</summary>
    public static SharedActions None => new();

    /// <summary>Reads the file's <c>sharedActions</c> mapping (name to a step or a list of steps).</summary>
    public static SharedActions Read(YamlMap? map)
    {
        var actions = new SharedActions();
        if (map is null) return actions;
        foreach (var (k, v) in map.Node.Children)
        {
            if (k is not YamlScalarNode { Value: { } name }) continue;
            var at = map.At(k);
            if (!NameFormat().IsMatch(name))
            {
                map.Bag.Report(DiagnosticCatalog.UnknownSharedAction, at,
                    $"shared action name '{name}' in {map.Context} must be a letter then letters, digits or '-'");
                continue;
            }
            var steps = map.StringsOf(v, name);
            if (steps is null) continue;
            if (steps.Count == 0 || steps.Exists(s => s.Value.Trim().Length == 0))
            {
                map.Wrong(name, v, "one or more non-empty steps");
                continue;
            }
            actions._actions[name] = (steps.Select(s => s.Value.Trim()).ToArray(), at);
        }
        return actions;
    }

    /// <summary>
    /// The rule's <c>actions</c>: each item a step (a string) or <c>use: name</c> for a shared action's steps.
    /// Null when missing or wrong; every problem is reported.
    /// </summary>
    public List<string>? Resolve(YamlMap rule)
    {
        var node = rule.Get("actions");
        if (node is null || YamlMap.IsNull(node))
        {
            rule.Missing("actions");
            return null;
        }
        if (node is not (YamlSequenceNode or YamlScalarNode))
        {
            rule.Wrong("actions", node, "a string or a list of strings (steps, or 'use: <shared action>')");
            return null;
        }
        var items = node is YamlSequenceNode seq ? seq.Children : (IList<YamlNode>)[node];
        var steps = new List<string>();
        var ok = true;
        foreach (var item in items)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { } text } when !YamlMap.IsNull(item):
                    steps.Add(text.Trim());
                    break;
                case YamlMappingNode use when use.Children.Count == 1 && use.Children.First().Key is YamlScalarNode { Value: "use" }:
                    ok &= Use(rule, use.Children.First().Value, steps);
                    break;
                default:
                    rule.Wrong("actions", item, "a step (a string) or 'use: <shared action>'", "each item of ");
                    ok = false;
                    break;
            }
        }
        if (ok && steps.Count == 0) rule.Missing("actions");
        return ok && steps.Count > 0 ? steps : null;
    }

    private bool Use(YamlMap rule, YamlNode value, List<string> steps)
    {
        if (value is not YamlScalarNode { Value: { Length: > 0 } name })
        {
            rule.Wrong("use", value, "the name of a shared action");
            return false;
        }
        name = name.Trim();
        if (!_actions.TryGetValue(name, out var action))
        {
            rule.Bag.Report(DiagnosticCatalog.UnknownSharedAction, rule.At(value),
                $"unknown shared action '{name}' in {rule.Context}{DidYouMean.Hint(name, _actions.Keys)}; define it under the file's 'sharedActions:'");
            return false;
        }
        _used.Add(name);
        steps.AddRange(action.Steps);
        return true;
    }

    /// <summary>Reports each shared action no rule uses (a leftover, or a typo in a rule that then failed).</summary>
    public void ReportUnused(DiagnosticBag bag)
    {
        foreach (var (name, a) in _actions)
            if (!_used.Contains(name))
                bag.Report(DiagnosticCatalog.UnusedSharedAction, a.Location, $"shared action '{name}' is not used by any rule");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex NameFormat();
}
