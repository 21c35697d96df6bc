using System.Collections.Concurrent;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using NRules;

namespace DeliverabilityBot.Rules.Engine;

/// <summary>
/// The product classifier: the YAML rules compiled into NRules through <see cref="YamlRuleRepository"/> (one engine rule
/// per index bucket, running the bucket's compiled predicates). One event per session run (insert, fire, retract);
/// sessions are pooled so concurrent callers never share one. A failing condition is handled (the rule does not
/// match) and counted, never thrown out of <c>Insert</c> or <c>Fire</c>.
/// </summary>
public sealed class NRulesBounceClassifier : RuleClassifierBase
{
    private readonly ISessionFactory _factory;
    private readonly ConcurrentBag<ISession> _pool = [];
    private readonly ConditionFailureCounter _conditionFailures = new();

    /// <summary>Compiles the rule set into an NRules session factory.</summary>
    public NRulesBounceClassifier(LoadedRuleSet ruleSet, IReadOnlyDictionary<string, RuleSeverity>? severityOverrides = null)
        : base(ruleSet, severityOverrides)
    {
        var repository = new YamlRuleRepository(Rules, Index, IsEnabled, _conditionFailures);
        _factory = new RuleCompiler { ExpressionCompiler = new FastExpressionCompilerAdapter() }.Compile(repository.GetRuleSets());
        _factory.Events.LhsExpressionFailedEvent += (_, e) =>
        {
            e.IsHandled = true;
            _conditionFailures.Increment();
        };
        _factory.Events.RhsExpressionFailedEvent += (_, e) =>
        {
            e.IsHandled = true;
            _conditionFailures.Increment();
        };
    }

    /// <summary>Conditions that threw (handled as no match) since start-up.</summary>
    public long ConditionFailures => _conditionFailures.Count;

    /// <inheritdoc />
    protected override void Match(EventFacts facts)
    {
        var session = _pool.TryTake(out var s) ? s : _factory.CreateSession();
        session.Insert(facts);
        session.Fire();
        session.Retract(facts);
        // Only a session that completed its cycle is clean enough to reuse.
        _pool.Add(session);
    }
}
