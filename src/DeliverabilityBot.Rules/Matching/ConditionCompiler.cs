using DeliverabilityBot.Rules.Matching.Compiled;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>Turns a validated condition tree into plain predicates (<see cref="ICompiledCondition"/>).</summary>
public static class ConditionCompiler
{
    /// <summary>Compiles <paramref name="condition"/> of rule <paramref name="ruleId"/>; regex timeouts go to <paramref name="timeouts"/>.</summary>
    public static ICompiledCondition Compile(Condition condition, string ruleId, MatchTimeoutSink timeouts) => condition switch
    {
        AllCondition a => a.Children.Count == 1 ? Compile(a.Children[0], ruleId, timeouts) : new AllOf(Order(a.Children).Select(c => Compile(c, ruleId, timeouts)).ToArray()),
        AnyCondition a => new AnyOf(a.Children.Select(c => Compile(c, ruleId, timeouts)).ToArray()),
        NotCondition n => new NoneOf(Compile(n.Child, ruleId, timeouts)),
        LeafCondition l => Leaf(l, ruleId, timeouts),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "unknown condition node"),
    };

    // Cheap field tests first, text scans last: the same result, fewer string searches per event.
    private static IEnumerable<Condition> Order(IReadOnlyList<Condition> children) =>
        children.OrderBy(c => c is LeafCondition { Field: "contains" or "regex" } ? 2 : c is LeafCondition ? 0 : 1);

    private static ICompiledCondition Leaf(LeafCondition l, string ruleId, MatchTimeoutSink timeouts)
    {
        var v = l.Values;
        return l.Field switch
        {
            "receiver" => new NameIs(l.Path, v.ToArray(), f => f.Receiver),
            "domain" => new GlobIs(l.Path, Globs(v), f => f.Domain),
            "host" => new GlobIs(l.Path, Globs(v), f => f.Host),
            "code" => new CodeIs(l.Path, v.Select(s => CodePattern.TryParse(s, out var p) ? p! : null).OfType<CodePattern>().ToArray()),
            "status" => new StatusIs(l.Path, v.Select(s => StatusPattern.TryParse(s, out var p) ? p! : null).OfType<StatusPattern>().ToArray()),
            "contains" => new TextContains(l.Path, v.ToArray()),
            "regex" => new TextMatches(l.Path, l.Pattern ?? RulePattern.TryCreate(v[0], out _, out _) ?? throw new ArgumentException($"invalid regex in {ruleId}"), ruleId, timeouts),
            "stage" => new EnumIs(l.Path, Allowed(v, FieldNames.Stages), f => (int)f.Event.Stage, i => FieldNames.Name((Core.Events.SmtpStage)i)),
            "action" => new EnumIs(l.Path, Allowed(v, FieldNames.Actions), f => (int)f.Event.Action, i => FieldNames.Name((Core.Events.DeliveryAction)i)),
            "format" => new NameIs(l.Path, v.ToArray(), f => f.Event.SourceFormat),
            "kind" => new EnumIs(l.Path, Allowed(v, FieldNames.Kinds), f => (int)f.Event.Kind, i => FieldNames.Name((Core.Events.EvidenceKind)i)),
            _ => throw new ArgumentOutOfRangeException(nameof(l), l.Field, "unknown leaf"),
        };
    }

    private static GlobPattern[] Globs(IReadOnlyList<string> values) =>
        values.Select(s => GlobPattern.TryParse(s, out var g) ? g! : null).OfType<GlobPattern>().ToArray();

    private static bool[] Allowed<T>(IReadOnlyList<string> values, IReadOnlyDictionary<string, T> names) where T : struct, Enum
    {
        var allowed = new bool[names.Values.Max(e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var v in values)
            if (names.TryGetValue(v, out var e)) allowed[Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture)] = true;
        return allowed;
    }
}
