using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Loading;

/// <summary>Reads one rule mapping into a <see cref="RuleDescriptor"/>, reporting every problem it finds.</summary>
internal static partial class RuleParser
{
    public static RuleDescriptor? Parse(YamlMap map, string? family, RuleScope scope, ExampleCase defaults, RulePatterns patterns, SharedActions sharedActions)
    {
        var bag = map.Bag;
        var errorsBefore = bag.Items.Count(d => d.IsError);
        map.CheckKeys(RuleKeys.Rule);
        var id = map.String("id", required: true)?.Trim();
        if (id is not null && !IdFormat().IsMatch(id))
            bag.Report(DiagnosticCatalog.InvalidId, map.At(map.Get("id")!), $"rule id '{id}' must be an upper-case family prefix and four digits, e.g. ICL1001");
        else if (id is not null && family is not null && !(id.StartsWith(family, StringComparison.Ordinal) && id.Length == family.Length + 4))
            bag.Report(DiagnosticCatalog.InvalidId, map.At(map.Get("id")!), $"rule id '{id}' does not start with the file's family '{family}' followed by four digits");
        var title = map.String("title", true);
        var message = map.String("message", true);
        var category = Vocabulary(map, "category", true, DiagnosisCategories.All, DiagnosticCatalog.UnknownCategory);
        var severity = Vocabulary(map, "severity", true, RuleKeys.Severities, DiagnosticCatalog.UnknownSeverity);
        var priority = map.Int("priority") ?? 100;
        if (priority is < 0 or > 1000)
            bag.Report(DiagnosticCatalog.OutOfRange, map.At(map.Get("priority")!), $"priority {priority} in {map.Context} is outside 0 to 1000");
        var helpUri = map.String("helpUri", true);
        if (helpUri is not null && !IsHttpUrl(helpUri))
            bag.Report(DiagnosticCatalog.InvalidReference, map.At(map.Get("helpUri")!), $"helpUri '{helpUri}' in {map.Context} is not an absolute http(s) URL");
        var references = ReferenceParser.Parse(map);
        var match = map.Map("match", map.Context, true) is { } mm ? ConditionParser.Parse(mm, "match", patterns) : null;
        var reason = Vocabulary(map, "reason", false, Reasons.All, DiagnosticCatalog.UnknownReason);
        // The receiver is checked against the registry the loader builds from every file's receiver block
        // (ReceiverReferenceCheck); here only its form.
        var receiver = ReceiverIds.Read(map, "receiver");
        var filter = Vocabulary(map, "filter", false, Filters.All, DiagnosticCatalog.UnknownFilter);
        var retryable = map.Bool("retryable");
        var hardBounce = map.Bool("hardBounce");
        var explanation = map.String("explanation", true);
        var actions = sharedActions.Resolve(map);
        var examples = ExampleParser.List(map, "examples", defaults);
        if (examples is null || examples.Count == 0)
            bag.Report(DiagnosticCatalog.NoExamples, map.Get("examples") is { } en ? map.At(en) : map.Location, $"{map.Context} has no examples; list the real replies it was written from");
        var counter = ExampleParser.List(map, "counterExamples", defaults) ?? [];
        if (message is not null && match is not null) CheckPlaceholders(map, message, match);

        if (bag.Items.Count(d => d.IsError) > errorsBefore || id is null || title is null || message is null || category is null
            || severity is null || helpUri is null || match is null || explanation is null || actions is null) return null;
        return new RuleDescriptor
        {
            Id = id, Title = title.Trim(), Message = message.Trim(), Category = category, Severity = Enum.Parse<RuleSeverity>(severity, true),
            Priority = priority, HelpUri = helpUri.Trim(), References = references, Match = match, Reason = reason, Receiver = receiver,
            ReceiverLocation = receiver is null ? null : map.At(map.Get("receiver")!),
            Filter = filter, Retryable = retryable, HardBounce = hardBounce, Explanation = explanation.Trim(),
            Actions = [.. actions], Examples = examples ?? [], CounterExamples = counter,
            Scope = scope, File = map.FilePath, Location = map.Location, IdLocation = map.At(map.Get("id")!),
            MessageLocation = map.At(map.Get("message")!),
        };
    }

    private static string? Vocabulary(YamlMap map, string key, bool required, IReadOnlySet<string> known, DiagnosticDescriptor unknown)
    {
        var v = map.String(key, required)?.Trim();
        if (v is null || known.Contains(v)) return v;
        map.Bag.Report(unknown, map.At(map.Get(key)!), $"unknown {key} '{v}' in {map.Context}{DidYouMean.Hint(v, known)}");
        return null;
    }

    internal static bool IsHttpUrl(string s) =>
        Uri.TryCreate(s.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && u.Host.Length > 0;

    private static void CheckPlaceholders(YamlMap map, string message, Condition match)
    {
        var groups = RegexGroups(match);
        foreach (Match m in Placeholder().Matches(message))
        {
            var name = m.Groups[1].Value;
            if (Classification.MessageFormatter.BuiltIn.Contains(name) || groups.Contains(name)) continue;
            map.Bag.Report(DiagnosticCatalog.UnknownPlaceholder, map.At(map.Get("message")!),
                $"unknown placeholder '{{{name}}}' in the message of {map.Context}{DidYouMean.Hint(name, Classification.MessageFormatter.BuiltIn.Concat(groups))}");
        }
    }

    private static HashSet<string> RegexGroups(Condition c)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Walk(Condition n)
        {
            switch (n)
            {
                case AllCondition a: foreach (var x in a.Children) Walk(x); break;
                case AnyCondition a: foreach (var x in a.Children) Walk(x); break;
                case LeafCondition { Field: "regex", Pattern: { } r }:
                    foreach (var g in r.GroupNames) set.Add(g);
                    break;
            }
        }
        Walk(c);
        return set;
    }

    [GeneratedRegex("^[A-Z]{2,5}[0-9]{4}$")]
    private static partial Regex IdFormat();

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
