using System.Text;
using BenchmarkDotNet.Attributes;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Benchmarks.Classifier;

/// <summary>
/// Start-up work per rule-set size: load (YAML, validation, examples) and compile into NRules, for the shipped rules
/// and for synthetic sets of 100 and 1,000 rules (each with a code, a status, a contains or a regex, and an example).
/// </summary>
[MemoryDiagnoser]
public class RuleSetStartupBenchmarks
{
    private IReadOnlyList<RuleSourceFile> _sources = [];

    /// <summary>0 means the shipped (embedded) rule set.</summary>
    [Params(0, 100, 1000)]
    public int Rules { get; set; }

    /// <summary>Prepares the sources.</summary>
    [GlobalSetup]
    public void Setup() => _sources = Rules == 0 ? RuleSources.Embedded() : [Synthetic(Rules)];

    /// <summary>Load and validate only.</summary>
    [Benchmark]
    public int Load() => RuleSetLoader.Load(_sources).Rules.Count;

    /// <summary>Load, validate and compile into an NRules session factory.</summary>
    [Benchmark]
    public int LoadAndCompile() => new NRulesBounceClassifier(RuleSetLoader.Load(_sources)).RuleSet.Rules.Count;

    /// <summary>A rule file with <paramref name="count"/> distinct rules.</summary>
    public static RuleSourceFile Synthetic(int count)
    {
        var sb = new StringBuilder("family: SMTP\nscope: generic\nrules:\n");
        for (var i = 1; i <= count; i++)
        {
            var text = i % 4 == 0 ? $"regex: 'marker{i}\\b.*(?<x>\\d+)'" : $"contains: 'marker{i} '";
            var (code, cls) = i % 2 == 0 ? ("5xx", 5) : ("4xx", 4);
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
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
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return new RuleSourceFile("synthetic.yaml", bytes.Length, () => new MemoryStream(bytes));
    }
}
