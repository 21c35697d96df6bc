using BenchmarkDotNet.Attributes;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Benchmarks.ColdStart;

/// <summary>
/// The in-process share of a cold start, per rule-set size (the shipped set, 100 and 1,000 generated rules): loading
/// as <c>dbot explain</c> does (no example checks), loading as <c>dbot rules validate</c> does (every example run),
/// compiling a loaded set into the NRules classifier, and the whole path to a first classification. Whole-process
/// figures (runtime start, JIT, ReadyToRun) come from <c>benchmarks/scripts/cold-start.sh</c>.
/// </summary>
[MemoryDiagnoser]
public class ColdStartBenchmarks
{
    private static readonly BounceEvent FirstBounce = new()
    {
        Recipient = "someone@icloud.com",
        RecipientDomain = "icloud.com",
        Reply = SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy"),
    };

    private IReadOnlyList<RuleSourceFile> _sources = [];
    private LoadedRuleSet _loaded = null!;

    /// <summary>0 means the shipped (embedded) rule set.</summary>
    [Params(0, 100, 1000)]
    public int Rules { get; set; }

    /// <summary>Prepares the sources and one loaded set for the compile-only benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sources = Rules == 0 ? RuleSources.Embedded() : [SyntheticRules.File(Rules)];
        _loaded = RuleSetLoader.Load(_sources, RuleLoadOptions.WithoutExampleChecks);
    }

    /// <summary>Load and validate, as <c>explain</c> and <c>classify</c> do.</summary>
    [Benchmark(Baseline = true)]
    public int Load() => RuleSetLoader.Load(_sources, RuleLoadOptions.WithoutExampleChecks).Rules.Count;

    /// <summary>Load, validate and run every example, as <c>rules validate</c> and hot reload do.</summary>
    [Benchmark]
    public int LoadCheckingExamples() => RuleSetLoader.Load(_sources).Rules.Count;

    /// <summary>Compile an already loaded set into the NRules classifier (one engine rule per index bucket).</summary>
    [Benchmark]
    public int Compile() => new NRulesBounceClassifier(_loaded).RuleSet.Rules.Count;

    /// <summary>Everything <c>explain</c> does with the rules: load, compile, classify one reply.</summary>
    [Benchmark]
    public int LoadCompileClassify()
    {
        var classifier = new NRulesBounceClassifier(RuleSetLoader.Load(_sources, RuleLoadOptions.WithoutExampleChecks));
        return classifier.Classify(FirstBounce).Findings.Count;
    }
}
