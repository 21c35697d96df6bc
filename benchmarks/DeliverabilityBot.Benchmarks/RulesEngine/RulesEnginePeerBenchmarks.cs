using BenchmarkDotNet.Attributes;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Benchmarks.RulesEngine;

/// <summary>
/// The peer: Microsoft RulesEngine 6 on the shipped rule base translated automatically (<see cref="WorkflowTranslator"/>)
/// against the product's NRules classifier and the plain loop, on the same events as <c>ClassifierBenchmarks</c> (every
/// example and counter-example of the shipped rules). The agreement of selected rule ids is checked and printed in setup.
/// Each side does its own work from the event: the product classifiers attribute, index, match and build findings;
/// RulesEngine attributes (the product's attributor, flattened) and evaluates every rule.
/// </summary>
[MemoryDiagnoser]
public class RulesEnginePeerBenchmarks
{
    private BounceEvent[] events = [];
    private NRulesBounceClassifier nrules = null!;
    private PredicateLoopClassifier loop = null!;
    private RulesEngineClassifier peer = null!;
    private LoadedRuleSet rules = null!;

    /// <summary>Loads and translates the rules, builds the events, checks agreement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        rules = RuleSetLoader.Load(RuleSources.Embedded());
        nrules = new NRulesBounceClassifier(rules);
        loop = new PredicateLoopClassifier(rules);
        peer = new RulesEngineClassifier(rules);
        events = rules.Rules.SelectMany(r => r.Descriptor.Examples.Concat(r.Descriptor.CounterExamples)).Select(e => ExampleEvents.Build(e)).ToArray();
        Console.WriteLine(RulesEngineAgreement.Check(peer, loop, events));
    }

    /// <summary>The limit: the product's predicates, index and findings in a plain loop.</summary>
    [Benchmark(Baseline = true)]
    public int PlainLoop()
    {
        var n = 0;
        foreach (var e in events) n += loop.Classify(e).Findings.Count;
        return n;
    }

    /// <summary>The product classifier (NRules).</summary>
    [Benchmark]
    public int NRules()
    {
        var n = 0;
        foreach (var e in events) n += nrules.Classify(e).Findings.Count;
        return n;
    }

    /// <summary>
    /// The same work as RulesEngine does, with the product's compiled predicates: attribute, then every rule on the event
    /// (no index), a yes/no per rule, no findings.
    /// </summary>
    [Benchmark]
    public int PredicatesEveryRule()
    {
        var n = 0;
        foreach (var e in events)
        {
            var facts = rules.Attributor.Facts(e);
            foreach (var r in rules.Rules)
                if (r.Matches(facts)) n++;
        }

        return n;
    }

    /// <summary>Microsoft RulesEngine 6, every translated rule on every event.</summary>
    [Benchmark]
    public int RulesEngine()
    {
        var n = 0;
        foreach (var e in events)
            foreach (var r in peer.Execute(peer.Input(e)))
                if (r.IsSuccess) n++;
        return n;
    }
}
