using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Reads <c>references</c>: a list of <c>{url, confidence}</c> (a bare URL is accepted with a DBR0020 warning).</summary>
internal static class ReferenceParser
{
    public static IReadOnlyList<RuleReference> Parse(YamlMap rule)
    {
        var seq = rule.Sequence("references", required: false);
        if (seq is null || seq.Children.Count == 0)
        {
            rule.Bag.Report(DiagnosticCatalog.InvalidReference, seq is null ? rule.Location : rule.At(seq), $"{rule.Context} has no references; cite where the rule comes from");
            return [];
        }
        var list = new List<RuleReference>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { } bare } && !YamlMap.IsNull(item))
            {
                if (Check(rule, bare, item)) list.Add(new RuleReference(bare.Trim(), null, rule.At(item)));
                rule.Bag.Report(DiagnosticCatalog.ReferenceWithoutConfidence, rule.At(item), $"reference '{bare}' in {rule.Context} has no confidence");
                continue;
            }
            if (item is not YamlMappingNode m)
            {
                rule.Wrong("references", item, "a mapping with url and confidence", "each item of ");
                continue;
            }
            var map = new YamlMap(m, rule.FilePath, $"a reference of {rule.Context}", rule.Bag);
            map.CheckKeys(RuleKeys.Reference);
            var url = map.String("url", true);
            var confidence = map.String("confidence", false)?.Trim();
            if (confidence is null)
                rule.Bag.Report(DiagnosticCatalog.ReferenceWithoutConfidence, map.Location, $"reference '{url}' in {rule.Context} has no confidence");
            else if (!RuleReference.Confidences.Contains(confidence))
                rule.Bag.Report(DiagnosticCatalog.InvalidConfidence, map.At(map.Get("confidence")!),
                    $"confidence '{confidence}' in {rule.Context} must be official, observed or secondary{DidYouMean.Hint(confidence, RuleReference.Confidences)}");
            if (url is not null && Check(rule, url, map.Get("url")!)) list.Add(new RuleReference(url.Trim(), confidence, map.Location));
        }
        return list;
    }

    private static bool Check(YamlMap rule, string url, YamlNode at)
    {
        if (RuleParser.IsHttpUrl(url)) return true;
        rule.Bag.Report(DiagnosticCatalog.InvalidReference, rule.At(at), $"reference '{url}' in {rule.Context} is not an absolute http(s) URL");
        return false;
    }
}
