using System.Text;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>DBR0104: a regex without metacharacters (escaped punctuation aside) is a <c>contains</c> in disguise.</summary>
public sealed class RegexLiteralCheck : ILintCheck
{
    /// <inheritdoc />
    public void Run(LintContext context, DiagnosticBag bag)
    {
        foreach (var rule in context.Rules.Rules)
            foreach (var leaf in Regexes(rule.Descriptor.Match))
                if (Literal(leaf.Values[0]) is { } text)
                    bag.Report(DiagnosticCatalog.RegexCouldBeContains, leaf.Location, $"regex of rule {rule.Id} is the plain text \"{text}\"; write contains: \"{text}\"");
    }

    /// <summary>The literal text the regex stands for, or null when it uses any regex feature.</summary>
    public static string? Literal(string pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '\\')
            {
                if (i + 1 >= pattern.Length || char.IsLetterOrDigit(pattern[i + 1])) return null; // \d, \s, \b, \1 ...
                sb.Append(pattern[++i]);
                continue;
            }
            if (".^$*+?()[]{}|#".Contains(ch)) return null;
            sb.Append(ch);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static IEnumerable<LeafCondition> Regexes(Condition c) => c switch
    {
        AllCondition a => a.Children.SelectMany(Regexes),
        AnyCondition a => a.Children.SelectMany(Regexes),
        NotCondition n => Regexes(n.Child),
        LeafCondition { Field: "regex" } l => [l],
        _ => [],
    };
}
