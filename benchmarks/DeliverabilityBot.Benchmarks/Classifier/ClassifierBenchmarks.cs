using BenchmarkDotNet.Attributes;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Benchmarks.Classifier;

/// <summary>
/// Engine overhead: the NRules-backed product classifier against a plain loop over the same compiled predicates and
/// index (the practical limit), on the same events (every example of the shipped rules, with recipient and host),
/// both producing full findings and merged classifications. Target: NRules within 1.5x of the loop.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private BounceEvent[] _events = [];
    private NRulesBounceClassifier _engine = null!;
    private PredicateLoopClassifier _loop = null!;
    private LoadedRuleSet _rules = null!;

    /// <summary>Loads the embedded rules and builds the events once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSetLoader.Load(RuleSources.Embedded());
        _engine = new NRulesBounceClassifier(_rules);
        _loop = new PredicateLoopClassifier(_rules);
        _events = _rules.Rules.SelectMany(r => r.Descriptor.Examples.Concat(r.Descriptor.CounterExamples)).Select(e => ExampleEvents.Build(e)).ToArray();
    }

    /// <summary>The limit: the same predicates, index and finding construction in a plain loop.</summary>
    [Benchmark(Baseline = true)]
    public int PlainLoop()
    {
        var n = 0;
        foreach (var e in _events) n += _loop.Classify(e).Findings.Count;
        return n;
    }

    /// <summary>The product classifier: the same predicates as NRules rules (insert, fire, retract per event).</summary>
    [Benchmark]
    public int NRules()
    {
        var n = 0;
        foreach (var e in _events) n += _engine.Classify(e).Findings.Count;
        return n;
    }

    /// <summary>The floor without index or findings: every predicate of every rule on every event.</summary>
    [Benchmark]
    public int PredicatesOnly()
    {
        var n = 0;
        foreach (var e in _events)
        {
            var facts = _rules.Attributor.Facts(e);
            foreach (var r in _rules.Rules)
                if (r.Matches(facts)) n++;
        }
        return n;
    }

    /// <summary>Events per benchmark invocation (to turn the mean into events per second).</summary>
    public int EventCount => _events.Length;
}
