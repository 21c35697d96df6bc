using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Rules.Diagnosis.Facts;
using DeliverabilityBot.Rules.Diagnosis.Model;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace DeliverabilityBot.Rules.Diagnosis.Loading;

/// <summary>Reads one diagnosis rule mapping, reporting every problem with its position.</summary>
internal static partial class DiagnosisRuleParser
{
    public static DiagnosisRule? Parse(YamlMap map, IReadOnlySet<string>? knownReceivers = null)
    {
        var bag = map.Bag;
        var errorsBefore = bag.Items.Count(d => d.IsError);
        map.CheckKeys(DiagnosisKeys.Rule);
        var id = map.String("id", required: true)?.Trim();
        if (id is not null && !IdFormat().IsMatch(id))
            bag.Report(DiagnosticCatalog.InvalidId, map.At(map.Get("id")!), $"rule id '{id}' must be DIAG followed by four digits, e.g. DIAG1001");
        var title = map.String("title", true);
        var message = map.String("message", true);
        var category = Vocabulary(map, "category", true, DiagnosisCategories.All, DiagnosticCatalog.UnknownCategory);
        var severity = Vocabulary(map, "severity", true, DiagnosisKeys.Severities, DiagnosticCatalog.UnknownSeverity);
        var priority = map.Int("priority") ?? 100;
        if (priority is < 0 or > 1000)
            bag.Report(DiagnosticCatalog.OutOfRange, map.At(map.Get("priority")!), $"priority {priority} in {map.Context} is outside 0 to 1000");
        var helpUri = map.String("helpUri", true);
        if (helpUri is not null && !RuleParser.IsHttpUrl(helpUri))
            bag.Report(DiagnosticCatalog.InvalidReference, map.At(map.Get("helpUri")!), $"helpUri '{helpUri}' in {map.Context} is not an absolute http(s) URL");
        var references = ReferenceParser.Parse(map);
        var scope = Vocabulary(map, "scope", false, DiagnosisKeys.Scopes, DiagnosticCatalog.UnknownEnumValue) ?? "receiver";
        var signal = map.Map("signal", $"the signal of {map.Context}", true) is { } sm ? SignalOf(sm, allowExclude: true, knownReceivers) : null;
        var when = map.Map("when", $"the thresholds of {map.Context}", true) is { } wm ? ConditionsOf(wm) : null;
        var confidence = Number(map, "confidence") ?? 0.8;
        if (confidence is < 0 or > 1)
            bag.Report(DiagnosticCatalog.OutOfRange, map.At(map.Get("confidence")!), $"confidence {confidence} in {map.Context} is outside 0 to 1");
        var confidentAt = map.Int("confidentAt") ?? 1;
        if (confidentAt < 1)
            bag.Report(DiagnosticCatalog.OutOfRange, map.At(map.Get("confidentAt")!), $"confidentAt {confidentAt} in {map.Context} must be at least 1");
        var fallback = map.Bool("fallback") ?? false;
        var causedBy = (map.Strings("causedBy", false) ?? []).Select(c => c.Value.Trim()).ToArray();
        foreach (var (c, at) in map.Strings("causedBy", false) ?? [])
            if (!CauseFormat().IsMatch(c.Trim()))
                bag.Report(DiagnosticCatalog.UnknownCause, map.At(at), $"causedBy '{c.Trim()}' in {map.Context} is not a diagnosis rule id (DIAG and four digits) or a glob such as DIAG10*");
        var explanation = map.String("explanation", true);
        var actions = map.Strings("actions", true);
        if (actions is { Count: 0 }) map.Missing("actions");
        var examples = map.Strings("examples", false);
        if (examples is null || examples.Count == 0)
            bag.Report(DiagnosticCatalog.NoExamples, map.Get("examples") is { } en ? map.At(en) : map.Location,
                $"{map.Context} has no examples; list the scenario fixtures (tests/fixtures/scenarios/NAME) where it is the top diagnosis");
        foreach (var key in new[] { "title", "message" })
            if (map.String(key, false) is { } text) CheckPlaceholders(map, key, text);

        if (bag.Items.Count(d => d.IsError) > errorsBefore || id is null || title is null || message is null || category is null
            || severity is null || helpUri is null || signal is null || when is null || explanation is null || actions is null) return null;
        return new DiagnosisRule
        {
            Id = id, Title = title.Trim(), Message = message.Trim(), Category = category, Severity = Enum.Parse<RuleSeverity>(severity, true),
            Priority = priority, HelpUri = helpUri.Trim(), References = references.Select(r => r.Url).ToArray(), Explanation = explanation.Trim(),
            Actions = actions.Select(a => a.Value.Trim()).ToArray(), Examples = examples?.Select(e => e.Value.Trim()).ToArray() ?? [],
            Scope = scope switch
            {
                "sending-ip" => DiagnosisScopeKind.SendingIp, "sender-domain" => DiagnosisScopeKind.SenderDomain,
                "stream" => DiagnosisScopeKind.Stream, _ => DiagnosisScopeKind.Receiver,
            },
            CausedBy = causedBy,
            Signal = signal, When = when, Confidence = confidence, ConfidentAt = confidentAt, Fallback = fallback,
            File = map.FilePath, Line = map.Location.Line,
        };
    }

    private static SignalSelector SignalOf(YamlMap map, bool allowExclude, IReadOnlySet<string>? knownReceivers)
    {
        map.CheckKeys(allowExclude ? DiagnosisKeys.Signal : DiagnosisKeys.Signal.Where(k => k != "exclude").ToHashSet(StringComparer.Ordinal));
        // exclude: one selector, or a list of them (each names another rule's signal: iCloud's Proofpoint blocks, Microsoft's block lists).
        var excludes = new List<SignalSelector>();
        if (allowExclude && map.Get("exclude") is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
                if (item is YamlMappingNode em) excludes.Add(SignalOf(new YamlMap(em, map.FilePath, $"an exclusion of {map.Context}", map.Bag), false, knownReceivers));
                else map.Wrong("exclude", item, "a mapping", "each item of ");
        }
        else if (allowExclude && map.Map("exclude", $"the exclusion of {map.Context}", false) is { } em) excludes.Add(SignalOf(em, false, knownReceivers));
        return new SignalSelector
        {
            Actions = Values(map, "actions", DiagnosisKeys.Actions, DiagnosticCatalog.UnknownEnumValue).Select(a => a switch
            {
                "failed" => DeliveryAction.Failed, "delayed" => DeliveryAction.Delayed, _ => DeliveryAction.Delivered,
            }).ToArray(),
            Receivers = ReceiverValues(map, knownReceivers),
            Filters = Values(map, "filters", Filters.All, DiagnosticCatalog.UnknownFilter),
            Reasons = Values(map, "reasons", Reasons.All, DiagnosticCatalog.UnknownReason),
            Categories = Values(map, "categories", DiagnosisCategories.All, DiagnosticCatalog.UnknownCategory),
            Rules = (map.Strings("rules", false) ?? []).Select(r => r.Value.Trim()).ToArray(),
            Excludes = excludes,
        };
    }

    private static List<MetricCondition> ConditionsOf(YamlMap map)
    {
        var list = new List<MetricCondition>();
        foreach (var (k, v) in map.Node.Children)
        {
            if (k is not YamlScalarNode { Value: { } metric }) continue;
            if (!Metrics.ByName.ContainsKey(metric))
            {
                map.Bag.Report(DiagnosticCatalog.UnknownKey, map.At(k), $"unknown metric '{metric}' in {map.Context}{DidYouMean.Hint(metric, Metrics.ByName.Keys)}");
                continue;
            }
            if (v is not YamlMappingNode bm)
            {
                map.Wrong(metric, v, "a mapping with min and/or max");
                continue;
            }
            var bounds = new YamlMap(bm, map.FilePath, $"'{metric}' in {map.Context}", map.Bag);
            bounds.CheckKeys(DiagnosisKeys.Bounds);
            var min = Number(bounds, "min");
            var max = Number(bounds, "max");
            if (min is null && max is null) map.Bag.Report(DiagnosticCatalog.EmptyCondition, map.At(v), $"'{metric}' in {map.Context} needs min or max");
            else if (min > max) map.Bag.Report(DiagnosticCatalog.OutOfRange, map.At(v), $"'{metric}' in {map.Context}: min {min} is above max {max}");
            else list.Add(new MetricCondition(metric, min, max));
        }
        if (list.Count == 0 && map.Node.Children.Count == 0) map.Bag.Report(DiagnosticCatalog.EmptyCondition, map.Location, $"{map.Context} has no thresholds");
        return list;
    }

    private static double? Number(YamlMap map, string key)
    {
        var n = map.Get(key);
        if (n is null || YamlMap.IsNull(n)) return null;
        if (n is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
        map.Wrong(key, n, "a number");
        return null;
    }

    private static string? Vocabulary(YamlMap map, string key, bool required, IReadOnlySet<string> known, DiagnosticDescriptor unknown)
    {
        var v = map.String(key, required)?.Trim();
        if (v is null || known.Contains(v)) return v;
        map.Bag.Report(unknown, map.At(map.Get(key)!), $"unknown {key} '{v}' in {map.Context}{DidYouMean.Hint(v, known)}");
        return null;
    }

    private static string[] Values(YamlMap map, string key, IReadOnlySet<string> known, DiagnosticDescriptor unknown)
    {
        var list = new List<string>();
        foreach (var (v, at) in map.Strings(key, false) ?? [])
        {
            var t = v.Trim();
            if (known.Contains(t)) list.Add(t);
            else map.Bag.Report(unknown, map.At(at), $"unknown {key.TrimEnd('s')} '{t}' in {map.Context}{DidYouMean.Hint(t, known)}");
        }
        return [.. list];
    }

    // Receivers come from the registry the classification rules declare: checked against it when the caller loaded it
    // (KnownReceivers), else only for their form.
    private static string[] ReceiverValues(YamlMap map, IReadOnlySet<string>? known)
    {
        var list = new List<string>();
        foreach (var (v, at) in map.Strings("receivers", false) ?? [])
        {
            var t = v.Trim();
            if (!ReceiverIds.IsWellFormed(t))
                map.Bag.Report(DiagnosticCatalog.InvalidReceiverId, map.At(at), $"'{t}' in {map.Context} is not a receiver id (lower-case letters and digits, e.g. icloud)");
            else if (known is not null && !known.Contains(t) && !ReceiverIds.BuiltIn.Contains(t))
                map.Bag.Report(DiagnosticCatalog.UnknownReceiver, map.At(at), $"unknown receiver '{t}' in {map.Context}: no receiver block declares it{DidYouMean.Hint(t, known)}");
            else list.Add(t);
        }
        return [.. list];
    }

    private static void CheckPlaceholders(YamlMap map, string key, string text)
    {
        foreach (Match m in DiagnosisFormatter.Placeholder().Matches(text))
        {
            var name = m.Groups[1].Value;
            if (Metrics.ByName.ContainsKey(name) || DiagnosisFormatter.TextPlaceholders.Contains(name)) continue;
            map.Bag.Report(DiagnosticCatalog.UnknownPlaceholder, map.At(map.Get(key)!),
                $"unknown placeholder '{{{name}}}' in the {key} of {map.Context}{DidYouMean.Hint(name, Metrics.ByName.Keys.Concat(DiagnosisFormatter.TextPlaceholders))}");
        }
    }

    [GeneratedRegex("^DIAG[0-9]{4}$")]
    private static partial Regex IdFormat();

    [GeneratedRegex(@"^DIAG[0-9]{0,4}\*?$")]
    private static partial Regex CauseFormat();
}
