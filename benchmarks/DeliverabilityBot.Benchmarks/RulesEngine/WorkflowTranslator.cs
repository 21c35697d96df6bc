using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model.Conditions;
using RulesEngine.Models;

namespace DeliverabilityBot.Benchmarks.RulesEngine;

/// <summary>
/// Translates a loaded rule set, rule by rule and automatically, into one RulesEngine workflow of lambda expressions
/// over <see cref="FlatFacts"/> (parameter <c>f</c>): all/any/not become &amp;&amp;/||/!, receiver and enum fields string
/// equality, code and status patterns digit tests, domain/host globs equality or a regex, contains a case-insensitive
/// IndexOf, regex the rule's own pattern and options. A rule whose condition cannot be expressed is reported, not guessed.
/// </summary>
public static class WorkflowTranslator
{
    /// <summary>The workflow name.</summary>
    public const string WorkflowName = "bounces";

    /// <summary>The translation: the workflow and the rules left out, with why.</summary>
    public sealed record Translation(Workflow Workflow, IReadOnlyList<(string RuleId, string Why)> Untranslated);

    /// <summary>Translates every rule of <paramref name="ruleSet"/> in load order.</summary>
    public static Translation Translate(LoadedRuleSet ruleSet)
    {
        var rules = new List<Rule>();
        var untranslated = new List<(string, string)>();
        foreach (var rule in ruleSet.Rules)
        {
            try
            {
                rules.Add(new Rule
                {
                    RuleName = rule.Id,
                    Expression = Expression(rule.Descriptor.Match),
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                });
            }
            catch (NotSupportedException exception)
            {
                untranslated.Add((rule.Id, exception.Message));
            }
        }

        return new Translation(new Workflow { WorkflowName = WorkflowName, Rules = rules }, untranslated);
    }

    /// <summary>The lambda expression body for one condition tree.</summary>
    public static string Expression(Condition condition) => condition switch
    {
        AllCondition all => Join(all.Children, " && "),
        AnyCondition any => Join(any.Children, " || "),
        NotCondition not => $"!({Expression(not.Child)})",
        LeafCondition leaf => Leaf(leaf),
        _ => throw new NotSupportedException($"condition node {condition.GetType().Name}"),
    };

    private static string Join(IReadOnlyList<Condition> children, string op) =>
        children.Count == 0 ? (op == " && " ? "true" : "false") : "(" + string.Join(op, children.Select(Expression)) + ")";

    private static string Leaf(LeafCondition leaf)
    {
        var values = leaf.Values;
        return leaf.Field switch
        {
            "receiver" => AnyOf(values.Select(v => $"f.Receiver == {Literal(v)}")),
            "stage" => AnyOf(values.Select(v => $"f.Stage == {Literal(v)}")),
            "action" => AnyOf(values.Select(v => $"f.Action == {Literal(v)}")),
            "kind" => AnyOf(values.Select(v => $"f.Kind == {Literal(v)}")),
            "format" => AnyOf(values.Select(v => $"f.Format == {Literal(v)}")),
            "domain" => $"(f.Domain != null && {AnyOf(values.Select(v => Glob("f.Domain", v)))})",
            "host" => $"(f.Host != null && {AnyOf(values.Select(v => Glob("f.Host", v)))})",
            "code" => AnyOf(values.Select(Code)),
            "status" => AnyOf(values.Select(Status)),
            "contains" => AnyOf(values.Select(v => $"f.Text.IndexOf({Literal(v)}, StringComparison.OrdinalIgnoreCase) >= 0")),
            "regex" => Regex(leaf),
            _ => throw new NotSupportedException($"field '{leaf.Field}'"),
        };
    }

    private static string AnyOf(IEnumerable<string> tests)
    {
        var list = tests.ToList();
        return list.Count == 0 ? "false" : "(" + string.Join(" || ", list) + ")";
    }

    // The product's CodePattern: three characters, digits or 'x'; codes outside 100-999 never match.
    private static string Code(string pattern)
    {
        var p = pattern.Trim().ToLowerInvariant();
        if (p.Length != 3 || p[0] is < '2' or > '5' || p.Any(c => c != 'x' && !char.IsAsciiDigit(c)))
            throw new NotSupportedException($"code pattern '{pattern}'");
        var tests = new List<string> { "f.Code >= 100", "f.Code <= 999" };
        string[] digit = ["f.Code / 100", "f.Code / 10 % 10", "f.Code % 10"];
        for (var i = 0; i < 3; i++)
            if (p[i] != 'x') tests.Add($"{digit[i]} == {p[i]}");
        return "(" + string.Join(" && ", tests) + ")";
    }

    // The product's StatusPattern: class.subject.detail with '*' for any.
    private static string Status(string pattern)
    {
        var parts = pattern.Trim().Split('.');
        if (parts.Length != 3) throw new NotSupportedException($"status pattern '{pattern}'");
        var tests = new List<string> { $"f.StatusClass == {int.Parse(parts[0], CultureInfo.InvariantCulture)}" };
        if (parts[1] != "*") tests.Add($"f.StatusSubject == {int.Parse(parts[1], CultureInfo.InvariantCulture)}");
        if (parts[2] != "*") tests.Add($"f.StatusDetail == {int.Parse(parts[2], CultureInfo.InvariantCulture)}");
        return "(" + string.Join(" && ", tests) + ")";
    }

    // The product's GlobPattern: lower case, '*' for any run; the field is already lower case.
    private static string Glob(string field, string glob)
    {
        var g = glob.Trim().TrimEnd('.').ToLowerInvariant();
        if (!g.Contains('*')) return $"{field} == {Literal(g)}";
        var pattern = "^" + string.Join(".*", g.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return $"RegexCall.IsMatch({field}, {Literal(pattern)}, {(int)RegexOptions.IgnoreCase})";
    }

    private static string Regex(LeafCondition leaf)
    {
        var pattern = leaf.Pattern ?? throw new NotSupportedException("regex not checked by the loader");
        return $"RegexCall.IsMatch(f.Text, {Literal(pattern.Text)}, {(int)RuleRegex.Options})";
    }

    // A string literal of the expression language: backslashes and quotes escaped, control characters as \uXXXX.
    private static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '"' => builder.Append("\\\""),
                < ' ' => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
