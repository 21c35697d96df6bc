using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Rules.Diagnosis.Facts;
using DeliverabilityBot.Rules.Diagnosis.Model;
using NRules;

namespace DeliverabilityBot.Rules.Diagnosis.Engine;

/// <summary>
/// Stage 2: diagnosis rules compiled into one NRules session factory, run over a window's aggregate facts.
/// Compiled once; <see cref="Diagnose"/> is thread-safe (a session per call).
/// </summary>
public sealed class DiagnosisEngine
{
    private readonly ISessionFactory _factory;
    private readonly IReceiverRegistry _names;

    /// <summary>Compiles the rules; answers name receivers and filters as <paramref name="receivers"/> does (ids when null).</summary>
    public DiagnosisEngine(IReadOnlyList<DiagnosisRule> rules, IReceiverRegistry? receivers = null)
    {
        Rules = rules;
        _names = receivers ?? ReceiverRegistry.Empty;
        _factory = new RuleCompiler().Compile(rules.Select(DiagnosisRuleCompiler.Compile));
    }

    /// <summary>The rules compiled in.</summary>
    public IReadOnlyList<DiagnosisRule> Rules { get; }

    /// <summary>Runs every rule over the input's facts; returns ranked diagnoses and the trace.</summary>
    public DiagnosisOutcome Diagnose(DiagnosisInput input)
    {
        var facts = SignalFactBuilder.Build(input, Rules);
        var session = _factory.CreateSession();
        var fired = new HashSet<SignalFact>(ReferenceEqualityComparer.Instance);
        session.Events.RuleFiredEvent += (_, e) =>
        {
            foreach (var f in e.Facts)
                if (f.Value is SignalFact s) fired.Add(s);
        };
        session.InsertAll(facts);
        session.Fire();

        var links = DiagnosisRanking.Link(fired);
        var ranked = DiagnosisRanking.Order(
            fired.Select(f => DiagnosisFormatter.ToRanked(f, input.Window, _names, links.GetValueOrDefault(f))).ToList(), links);
        var trace = facts.Where(f => fired.Contains(f) || f.SignalCount > 0)
            .Select(f => TraceOf(f, fired.Contains(f)))
            .OrderByDescending(t => t.Fired).ThenBy(t => t.RuleId, StringComparer.Ordinal).ThenBy(t => t.Scope, StringComparer.Ordinal)
            .ToList();
        return new DiagnosisOutcome(ranked, new DiagnosisTrace(trace));
    }

    private TraceEntry TraceOf(SignalFact f, bool fired)
    {
        var conditions = f.Rule.When.Select(c =>
        {
            var m = Metrics.ByName[c.Metric];
            var v = m.ValueOf(f);
            return new TraceCondition(DiagnosisFormatter.Threshold(c, f), Metrics.Format(v, m.Format), c.Holds(v), c.ToString());
        }).ToList();
        if (f.Rule.Fallback) conditions.Add(new TraceCondition("no other diagnosis fired", fired ? "none fired" : "another fired", fired, "fallback"));
        return new TraceEntry(f.RuleId, f.Scope, fired, conditions, DiagnosisFormatter.CoreFigures(f, _names).Select(x => (x.Label, x.Value)).ToList(), f.SignalRules);
    }
}
