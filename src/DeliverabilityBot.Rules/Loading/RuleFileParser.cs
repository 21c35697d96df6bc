using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Reads a rule file's root mapping: family, scope, receiver or filter block, defaults, shared actions, example defaults, shared patterns, then each rule.</summary>
public static partial class RuleFileParser
{
    /// <summary>Reads <paramref name="bytes"/> into a rule file; diagnostics go to <paramref name="bag"/>. Null when nothing usable.</summary>
    public static RuleFile? Parse(string path, ReadOnlySpan<byte> bytes, RuleLoadOptions options, DiagnosticBag bag)
    {
        var root = YamlDocumentReader.Read(path, bytes, options, bag);
        if (root is null)
        {
            if (!bag.HasErrors) bag.Report(DiagnosticCatalog.NoRules, SourceLocation.InFile(path), "the file is empty");
            return null;
        }
        var map = new YamlMap(root, path, "the file", bag);
        map.CheckKeys(RuleKeys.File);
        var family = map.String("family", required: true)?.Trim();
        if (family is not null && !FamilyFormat().IsMatch(family))
        {
            bag.Report(DiagnosticCatalog.InvalidFamily, map.At(map.Get("family")!), $"family '{family}' must be 2 to 5 upper-case letters, e.g. ICL");
            family = null;
        }
        var scopeText = map.String("scope", required: true)?.Trim();
        RuleScope? scope = null;
        if (scopeText is not null)
        {
            if (RuleKeys.Scopes.Contains(scopeText)) scope = Enum.Parse<RuleScope>(scopeText, ignoreCase: true);
            else ConditionParser.Unknown(map, map.At(map.Get("scope")!), "scope", scopeText, RuleKeys.Scopes);
        }
        var receiver = map.Map("receiver", "the file's receiver block", false) is { } rb ? RegistryBlockParser.Parse(rb, isReceiver: true) : null;
        var filter = map.Map("filter", "the file's filter block", false) is { } fb ? RegistryBlockParser.Parse(fb, isReceiver: false) : null;
        var defaults = map.Map("exampleDefaults", "exampleDefaults", false) is { } dm
            ? ExampleParser.Map(dm, RuleKeys.ExampleDefaults) ?? ExampleCase.Empty : ExampleCase.Empty;
        var patterns = RulePatterns.Read(map.Map("patterns", "the file's patterns", false));
        var ruleDefaults = RuleDefaults.Read(map.Map("defaults", "the file's defaults", false));
        var sharedActions = SharedActions.Read(map.Map("sharedActions", "the file's sharedActions", false));
        var rules = new List<RuleDescriptor>();
        if (map.Sequence("rules", required: true) is { } seq)
        {
            if (seq.Children.Count == 0) bag.Report(DiagnosticCatalog.NoRules, map.At(seq), "'rules' is empty");
            var index = 0;
            foreach (var item in seq.Children)
            {
                index++;
                if (item is not YamlMappingNode rm)
                {
                    map.Wrong("rules", item, "a rule mapping", "each item of ");
                    continue;
                }
                var probe = new YamlMap(rm, path, string.Empty, bag);
                var context = probe.Get("id") is YamlScalarNode { Value: { Length: > 0 } id } ? $"rule {id.Trim()}" : $"rule #{index}";
                ruleDefaults.ApplyTo(rm);
                var ruleBag = new DiagnosticBag();
                var rule = RuleParser.Parse(new YamlMap(rm, path, context, ruleBag), family, scope ?? RuleScope.Generic, defaults, patterns, sharedActions);
                ruleDefaults.Report(ruleBag, bag);
                if (rule is not null) rules.Add(rule);
            }
        }
        patterns.ReportUnused(bag);
        sharedActions.ReportUnused(bag);
        return family is null || scope is null ? null : new RuleFile
        {
            Path = path, Family = family, Scope = scope.Value, Receiver = receiver, Filter = filter, ExampleDefaults = defaults, Rules = rules,
            FamilyLocation = map.KeyAt("family"),
        };
    }

    [GeneratedRegex("^[A-Z]{2,5}$")]
    private static partial Regex FamilyFormat();
}
