using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Rules.Matching;
using DeliverabilityBot.Rules.Model.Conditions;

namespace DeliverabilityBot.Rules.Tests.Classification;

public class RegexTimeoutTests
{
    internal static string Rule(string regex, string counterExample = "550 aaaa") => $$"""
        family: SPC
        scope: filter
        rules:
          - id: SPC1001
            title: Pathological
            message: m
            category: reputation
            severity: info
            helpUri: https://www.spamcop.net/
            references: [{url: "https://www.spamcop.net/", confidence: official}]
            match:
              regex: '{{regex}}'
            explanation: e
            actions: [a]
            examples: ["550 aaaaaaaaaaaa!x"]
            counterExamples: ["{{counterExample}}"]
        """;

    private static string Hostile(int length) => "550 " + new string('a', length);

    [Fact]
    public void Load_CatastrophicPatternWithHostileCounterExample_LoadsCleanWithoutTimeouts()
    {
        // The issue's pattern: a backtracking engine needs exponential time on a long run of 'a' without "!x".
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", Rule("(.*a){12}!x", Hostile(5_000)))]);

        Assert.Empty(set.Diagnostics);
        Assert.Equal(0, set.Timeouts.Count);
    }

    [Fact]
    public void Classify_CatastrophicPatternOnHostileReplies_NoTimeoutAndNoMatch()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", Rule("(.*a){12}!x"))]);
        var classifier = new NRulesBounceClassifier(set);

        for (var i = 0; i < 200; i++)
            Assert.Empty(classifier.Classify(new BounceEvent { Reply = SmtpReply.Parse(Hostile(2_000 + i)) }).Findings);

        Assert.Equal(0, set.Timeouts.Count);
        Assert.NotEmpty(classifier.Classify(new BounceEvent { Reply = SmtpReply.Parse(Hostile(2_000) + "!x") }).Findings);
    }

    [Theory]
    [InlineData(@"(\w)\1", "backreference")]
    [InlineData(@"(?<w>\w)\k<w>", "backreference")]
    [InlineData(@"suspected spam(?! ip)", "lookahead")]
    [InlineData(@"rate (?=limit)", "lookahead")]
    [InlineData(@"(?<!x-)virus", "lookbehind")]
    [InlineData(@"(?<=spam )virus", "lookbehind")]
    [InlineData(@"(?>a+)b", "atomic group")]
    [InlineData(@"(?(a)b|c)", "conditional")]
    [InlineData(@"(?<a>x)(?<b-a>y)", "balancing group")]
    [InlineData(@"(?<a>x)(?<-a>y)", "balancing group")]
    [InlineData(@"\Gmail", "contiguous-match anchor")]
    public void Load_RegexNeedingBacktracking_Dbr0033NamesTheConstruct(string regex, string construct)
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", Rule(regex))]);

        var d = Assert.Single(set.Diagnostics);
        Assert.Equal("DBR0034", d.Id);
        Assert.True(d.IsError);
        Assert.Contains(construct, d.Message, StringComparison.Ordinal);
        Assert.Empty(set.Rules);
    }

    [Theory]
    [InlineData(@"[(?!]x")]
    [InlineData(@"\(\?!x")]
    [InlineData(@"(?<name>x)(?:y)(?i:z)")]
    [InlineData(@"[^]-]x")]
    public void Load_LookalikeThatIsNotAConstruct_Accepted(string regex)
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", Rule(regex, "550 none"))]);

        Assert.DoesNotContain(set.Diagnostics, d => d.Id is "DBR0034" or "DBR0015");
    }

    [Fact]
    public void Load_SharedPatternNeedingBacktracking_Dbr0033AtThePattern()
    {
        var yaml = Rule("(?&spam)").Replace("rules:\n", "patterns:\n  spam: 'spam(?! ip)'\nrules:\n", StringComparison.Ordinal);

        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", yaml)]);

        Assert.Contains(set.Diagnostics, d => d.Id == "DBR0034" && d.Message.Contains("pattern 'spam'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CounterExampleTimesOut_Dbr0034()
    {
        var (rule, attributor, sink) = WithBacktrackingRegex(Rule("aaaa", Hostile(40_000)));
        var bag = new DiagnosticBag();

        ExampleChecker.Check(rule, attributor, bag, sink);

        var d = Assert.Single(bag.Items);
        Assert.Equal("DBR0035", d.Id);
        Assert.Contains("counter-example", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExampleTimesOut_Dbr0034NotDbr0016()
    {
        var (rule, attributor, sink) = WithBacktrackingRegex(Rule("aaaa").Replace("examples: [\"550 aaaaaaaaaaaa!x\"]", $"examples: [\"{Hostile(40_000)}\"]", StringComparison.Ordinal));
        var bag = new DiagnosticBag();

        ExampleChecker.Check(rule, attributor, bag, sink);

        Assert.Equal(["DBR0035"], bag.Items.Select(d => d.Id));
        Assert.Equal(3, sink.Count); // tried again before blaming the pattern
    }

    [Fact]
    public void Classify_RegexTimesOut_CountedReportedAndTheGenericRuleDecides()
    {
        var generic = RuleSetLoader.Load(RuleSources.Embedded());
        var (rule, _, sink) = WithBacktrackingRegex(Rule("aaaa"));
        var set = new LoadedRuleSet
        {
            Files = generic.Files,
            ExcludedFiles = [],
            Rules = [rule, .. generic.Rules],
            Diagnostics = [],
            Attributor = generic.Attributor,
            Timeouts = sink,
        };
        var reported = new List<string>();
        sink.TimedOut += (id, _, _) => reported.Add(id);

        var c = new NRulesBounceClassifier(set).Classify(new BounceEvent { Reply = SmtpReply.Parse("550 5.7.1 " + new string('a', 7_000)) });

        Assert.Equal(["SPC1001"], reported);
        Assert.DoesNotContain(c.Findings, f => f.RuleId == "SPC1001");
        Assert.NotEmpty(c.Findings); // the generic status-code rules still classify the event
    }

    [Fact]
    public void Classify_ReplyLongerThanTheCap_RulesSeeOnlyTheFirst8KB()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", Rule("needle|!x", "550 none"))]);
        var classifier = new NRulesBounceClassifier(set);
        string Reply(int padding) => "550 " + new string('x', padding) + " needle";

        Assert.NotEmpty(classifier.Classify(new BounceEvent { Reply = SmtpReply.Parse(Reply(EventFacts.MaxTextLength - 20)) }).Findings);
        Assert.Empty(classifier.Classify(new BounceEvent { Reply = SmtpReply.Parse(Reply(EventFacts.MaxTextLength)) }).Findings);
    }

    /// <summary>
    /// The rule loaded from <paramref name="yaml"/> but matching with a backtracking regex and a 1 ms timeout: the only
    /// way left to make a rule regex time out, now that rule regexes never backtrack.
    /// </summary>
    private static (CompiledRule Rule, ReceiverAttributor Attributor, MatchTimeoutSink Sink) WithBacktrackingRegex(string yaml)
    {
        var set = RuleSetLoader.Load([TestRules.Inline("spamcop.yaml", yaml)], new RuleLoadOptions { CheckExamples = false });
        var loaded = Assert.Single(set.Rules);
        var sink = new MatchTimeoutSink();
        var leaf = new LeafCondition("match.regex", loaded.Descriptor.Location, "regex", ["(a+)+!"])
        {
            Pattern = RulePattern.Of(new Regex("(a+)+!", RegexOptions.None, TimeSpan.FromMilliseconds(1))),
        };
        return (new CompiledRule(loaded.Descriptor, ConditionCompiler.Compile(leaf, loaded.Id, sink)), set.Attributor, sink);
    }
}
