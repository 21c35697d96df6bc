using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>
/// Reads a file's <c>receiver:</c> or <c>filter:</c> block: the receiver registry's entry for it (id, display name,
/// names, typos, domains, hosts, markers, contacts).
/// </summary>
internal static class RegistryBlockParser
{
    /// <summary>The block, or null when its id is missing or unknown.</summary>
    public static ReceiverBlock? Parse(YamlMap map, bool isReceiver)
    {
        map.CheckKeys(isReceiver ? RuleKeys.ReceiverBlock : RuleKeys.FilterBlock);
        var id = map.String("id", required: true)?.Trim().ToLowerInvariant();
        // A receiver block declares its id: the registry it joins is the only list of receivers. A filter block names
        // one of the filters rules may conclude.
        if (id is not null && isReceiver && !ReceiverIds.IsWellFormed(id))
        {
            map.Bag.Report(DiagnosticCatalog.InvalidReceiverId, map.At(map.Get("id")!),
                $"receiver id '{id}' in {map.Context} must be lower-case letters and digits, starting with a letter (e.g. icloud)");
            id = null;
        }
        else if (id is not null && !isReceiver && !Filters.All.Contains(id))
        {
            map.Bag.Report(DiagnosticCatalog.UnknownFilter, map.At(map.Get("id")!), $"unknown filter '{id}' in {map.Context}{DidYouMean.Hint(id, Filters.All)}");
            id = null;
        }
        var domains = map.Strings("domains", false) ?? [];
        var hosts = map.Strings("hosts", false) ?? [];
        foreach (var (v, at) in domains.Concat(hosts))
            if (!Matching.GlobPattern.TryParse(v, out _))
                map.Bag.Report(DiagnosticCatalog.InvalidPattern, map.At(at), $"'{v}' in {map.Context} is not a domain or host glob");
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var names = Terms(map, "names", locations);
        var typos = Terms(map, "typos", locations);
        var markers = Terms(map, "markers", locations);
        var fuzzy = Terms(map, "fuzzy", null);
        foreach (var f in fuzzy)
            if (!names.Contains(f))
                map.Bag.Report(DiagnosticCatalog.InvalidReceiverEntry, map.KeyAt("fuzzy"), $"fuzzy name '{f}' in {map.Context} is not one of its names; list it under names too");
        var contacts = Contacts(map);
        var displayName = map.String("displayName", false)?.Trim();
        if (id is null) return null;
        return new ReceiverBlock(id, Lower(domains), Lower(hosts), map.Location)
        {
            IsReceiver = isReceiver,
            DisplayName = string.IsNullOrEmpty(displayName) ? null : displayName,
            Names = names, Typos = typos, Fuzzy = fuzzy, Markers = markers, Contacts = contacts, TermLocations = locations,
        };
    }

    private static string[] Lower(List<(string Value, YamlNode Node)> values) =>
        values.Select(v => v.Value.Trim().TrimEnd('.').ToLowerInvariant()).ToArray();

    private static List<string> Terms(YamlMap map, string key, Dictionary<string, SourceLocation>? locations)
    {
        var list = new List<string>();
        foreach (var (value, node) in map.Strings(key, false) ?? [])
        {
            var term = string.Join(' ', value.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (term.Length < 2)
            {
                map.Bag.Report(DiagnosticCatalog.InvalidReceiverEntry, map.At(node), $"'{value}' in {key} of {map.Context} is too short to recognise");
                continue;
            }
            if (list.Contains(term)) continue;
            list.Add(term);
            locations?.TryAdd(term, map.At(node));
        }
        return list;
    }

    private static List<ReceiverContact> Contacts(YamlMap map)
    {
        var list = new List<ReceiverContact>();
        if (map.Sequence("contacts", false) is not { } seq) return list;
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
            {
                map.Wrong("contacts", item, "a mapping with kind, url, source and confidence", "each item of ");
                continue;
            }
            var c = new YamlMap(m, map.FilePath, $"a contact of {map.Context}", map.Bag);
            c.CheckKeys(RuleKeys.Contact);
            var kind = c.String("kind", true)?.Trim();
            var url = c.String("url", true)?.Trim();
            var source = c.String("source", true)?.Trim();
            var confidence = c.String("confidence", true)?.Trim();
            var ok = kind is not null && url is not null && source is not null && confidence is not null;
            if (kind is not null && !ReceiverContact.Kinds.Contains(kind))
            {
                c.Bag.Report(DiagnosticCatalog.InvalidReceiverEntry, c.At(c.Get("kind")!),
                    $"contact kind '{kind}' in {c.Context} must be one of {string.Join(", ", ReceiverContact.Kinds)}{DidYouMean.Hint(kind, ReceiverContact.Kinds)}");
                ok = false;
            }
            if (url is not null && !RuleParser.IsHttpUrl(url) && !url.StartsWith("mailto:", StringComparison.Ordinal))
            {
                c.Bag.Report(DiagnosticCatalog.InvalidReceiverEntry, c.At(c.Get("url")!), $"url '{url}' in {c.Context} is not an absolute http(s) URL or a mailto: address");
                ok = false;
            }
            if (source is not null && !RuleParser.IsHttpUrl(source))
            {
                c.Bag.Report(DiagnosticCatalog.InvalidReceiverEntry, c.At(c.Get("source")!), $"source '{source}' in {c.Context} is not an absolute http(s) URL");
                ok = false;
            }
            if (confidence is not null && !RuleReference.Confidences.Contains(confidence))
            {
                c.Bag.Report(DiagnosticCatalog.InvalidConfidence, c.At(c.Get("confidence")!),
                    $"confidence '{confidence}' in {c.Context} must be official, observed or secondary{DidYouMean.Hint(confidence, RuleReference.Confidences)}");
                ok = false;
            }
            if (ok) list.Add(new ReceiverContact(kind!, url!, source!, confidence!, c.String("note", false)?.Trim()));
        }
        return list;
    }
}
