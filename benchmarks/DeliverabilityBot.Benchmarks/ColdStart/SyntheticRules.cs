using System.Globalization;
using System.Text;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Benchmarks.ColdStart;

/// <summary>
/// Generated rule sets for the per-size start-up figures: <c>count</c> distinct generic rules, each with a code, a status,
/// a <c>contains</c> (every fourth a regex with a named group) and one example. The same shape as the rule folders
/// <c>benchmarks/scripts/cold-start.sh</c> writes.
/// </summary>
public static class SyntheticRules
{
    /// <summary>One rule file with <paramref name="count"/> rules.</summary>
    public static RuleSourceFile File(int count)
    {
        var bytes = Encoding.UTF8.GetBytes(Yaml(count));
        return new RuleSourceFile("synthetic.yaml", bytes.Length, () => new MemoryStream(bytes));
    }

    /// <summary>The YAML text of <paramref name="count"/> rules.</summary>
    public static string Yaml(int count)
    {
        var sb = new StringBuilder("family: SMTP\nscope: generic\nrules:\n");
        for (var i = 1; i <= count; i++)
        {
            var text = i % 4 == 0 ? $"regex: 'marker{i}\\b.*(?<x>\\d+)'" : $"contains: 'marker{i} '";
            var (code, cls) = i % 2 == 0 ? ("5xx", 5) : ("4xx", 4);
            sb.Append(CultureInfo.InvariantCulture, $$"""
                  - id: SMTP{{i:D4}}
                    title: synthetic {{i}}
                    message: "synthetic {{i}} for {recipient}"
                    category: none
                    severity: info
                    priority: {{i % 100}}
                    helpUri: https://www.rfc-editor.org/rfc/rfc5321
                    references: [{url: "https://www.rfc-editor.org/rfc/rfc3463", confidence: official}]
                    match:
                      code: {{code}}
                      status: {{cls}}.{{i % 8}}.*
                      {{text}}
                    explanation: synthetic
                    actions: [none]
                    examples: ["{{cls}}50 {{cls}}.{{i % 8}}.1 marker{{i}} 42"]

                """);
        }
        return sb.ToString();
    }
}
