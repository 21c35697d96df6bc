using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Matching.Compiled;

namespace DeliverabilityBot.Rules.Tests.Engine;

/// <summary>The engine's one-rule-per-bucket shape: what is compiled, and that a throwing predicate stays contained.</summary>
public class BucketEngineTests
{
    private static readonly BounceEvent Cs01 = new()
    {
        Recipient = "someone@icloud.com",
        RecipientDomain = "icloud.com",
        Reply = SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy"),
    };

    [Fact]
    public void Repository_ValidSet_OneEngineRulePerBucketCoveringEveryRuleOnce()
    {
        var rules = TestRules.Valid.Rules;
        var index = new RuleIndex(rules);

        var repository = new YamlRuleRepository(rules, index, _ => true, new ConditionFailureCounter());

        var engineRules = repository.GetRuleSets().Single().Rules.ToArray();
        Assert.Equal(index.Count, engineRules.Length);
        Assert.Equal(engineRules.Length, engineRules.Select(r => r.Name).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, rules.Count), repository.Matchers.SelectMany(m => m.Positions).Order());
    }

    [Fact]
    public void Repository_DisabledRules_LeftOutAndEmptyBucketsGetNoEngineRule()
    {
        var rules = TestRules.Valid.Rules;
        var index = new RuleIndex(rules);
        var disabledBucket = index.BucketOf[0];

        var repository = new YamlRuleRepository(rules, index, i => index.BucketOf[i] != disabledBucket, new ConditionFailureCounter());

        Assert.Equal(index.Count - 1, repository.GetRuleSets().Single().Rules.Count());
        Assert.DoesNotContain(0, repository.Matchers.SelectMany(m => m.Positions));
    }

    [Fact]
    public void Classify_SeverityNone_RuleDoesNotFire()
    {
        var engine = new NRulesBounceClassifier(TestRules.Valid, new Dictionary<string, RuleSeverity> { ["ICL1001"] = RuleSeverity.None });

        var c = engine.Classify(Cs01);

        Assert.DoesNotContain("ICL1001", c.Findings.Select(f => f.RuleId));
        Assert.Contains("SMTP0001", c.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Classify_PredicateThrows_NoMatchCountedAndTheBucketsOtherRulesStillFire()
    {
        var valid = TestRules.Valid;
        var set = new LoadedRuleSet
        {
            Files = valid.Files,
            ExcludedFiles = valid.ExcludedFiles,
            Rules = valid.Rules.Select(r => r.Id == "ICL1001" ? r with { Condition = new ThrowingCondition() } : r).ToArray(),
            Diagnostics = valid.Diagnostics,
            Attributor = valid.Attributor,
            Timeouts = valid.Timeouts,
        };
        var engine = new NRulesBounceClassifier(set);

        var c = engine.Classify(Cs01);

        Assert.Equal(["SMTP0001"], c.Findings.Select(f => f.RuleId));
        Assert.Equal(1, engine.ConditionFailures);
    }

    [Fact]
    public void Classify_ValidSet_SameFindingsAsPlainLoop()
    {
        var engine = new NRulesBounceClassifier(TestRules.Valid);
        var loop = new PredicateLoopClassifier(TestRules.Valid);
        var events = TestRules.Valid.Rules.SelectMany(r => r.Descriptor.Examples.Concat(r.Descriptor.CounterExamples)).Select(e => ExampleEvents.Build(e)).ToArray();

        Assert.NotEmpty(events);
        foreach (var e in events)
            Assert.Equal(loop.Classify(e).Findings.Select(f => f.RuleId), engine.Classify(e).Findings.Select(f => f.RuleId));
    }

    private sealed class ThrowingCondition : ICompiledCondition
    {
        public bool Evaluate(EventFacts facts, MatchDetail? detail) => throw new InvalidOperationException("predicate bug");
    }
}
