using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Fixtures;

namespace DeliverabilityBot.Rules.Tests.Fixtures;

public class FixtureRunnerTests
{
    // A stand-in for the ingestion parser: one event from a bare reply.
    private static IReadOnlyList<BounceEvent> BareReply(string text, string? to, string source)
    {
        var reply = SmtpReply.Parse(text);
        return [new BounceEvent { Source = source, Recipient = to, RecipientDomain = to?.Split('@')[^1], Reply = reply, Action = reply.ReplyClass == 4 ? DeliveryAction.Delayed : DeliveryAction.Failed }];
    }

    private static readonly FixtureRunner Runner = new(new NRulesBounceClassifier(TestRules.Valid), TestRules.Valid, BareReply);

    private static RuleFixture Fixture(string yaml)
    {
        var dir = Path.Combine(Path.GetTempPath(), "dbot-fx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "x.txt"), "554 5.7.1 [CS01] Message rejected due to local policy");
        File.WriteAllText(Path.Combine(dir, "x.expect.yaml"), yaml);
        var bag = new DiagnosticBag();
        return FixtureReader.Read(Path.Combine(dir, "x.expect.yaml"), bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
    }

    [Fact]
    public void Run_MatchingExpectation_Passes()
    {
        var bag = new DiagnosticBag();
        var fixture = FixtureReader.Read(TestRules.Dir("fixtures") + "/icloud/cs01.expect.yaml", bag)!;

        var outcome = Runner.Run(fixture);

        Assert.True(outcome.Passed, string.Join("\n", outcome.Failures));
        Assert.Equal(["ICL1001", "SMTP0001"], outcome.Fired[0]);
    }

    [Fact]
    public void Run_WrongReasonAndSpan_ReportsExpectedAgainstActual()
    {
        var outcome = Runner.Run(Fixture("to: a@icloud.com\nevents:\n  - rules: [ICL1001]\n    reason: blocked\n    span: \"{|ICL1001:CS01|}\"\n"));

        Assert.Equal(["event 1 reason: expected blocked, actual policyviolation", "event 1 span: expected {|ICL1001:CS01|}, actual {|ICL1001:[CS01]|}"], outcome.Failures);
    }

    [Fact]
    public void Run_UnexpectedNonGenericRule_Fails_GenericAllowedUnlessExact()
    {
        Assert.True(Runner.Run(Fixture("to: a@icloud.com\nevents:\n  - rules: [ICL1001]\n")).Passed);
        Assert.Equal(["event 1 rules: expected [ICL1001] exactly, actual [ICL1001, SMTP0001]"],
            Runner.Run(Fixture("to: a@icloud.com\nevents:\n  - rules: [ICL1001]\n    exactRules: true\n")).Failures);
        Assert.Equal(["event 1 rules: expected [], actual [ICL1001, SMTP0001]"], Runner.Run(Fixture("to: a@icloud.com\nevents:\n  - rules: []\n")).Failures);
    }

    [Fact]
    public void Run_MustNotFireFired_AndEventCount_Fail()
    {
        var outcome = Runner.Run(Fixture("to: a@icloud.com\nevents: []\nmustNotFire: [ICL1001]\n"));

        Assert.Equal(2, outcome.Failures.Count);
        Assert.StartsWith("events: expected 0, actual 1", outcome.Failures[0]);
        Assert.Equal("mustNotFire: expected none of [ICL1001] to fire, actual fired [ICL1001]", outcome.Failures[1]);
    }

    [Fact]
    public void Read_UnknownKeyOrMissingInput_ReportsDbr0204()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dbot-fx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "a.expect.yaml"), "events: []\n");
        File.WriteAllText(Path.Combine(dir, "b.txt"), "x");
        File.WriteAllText(Path.Combine(dir, "b.expect.yaml"), "evnts: []\n");
        var bag = new DiagnosticBag();

        Assert.Null(FixtureReader.Read(Path.Combine(dir, "a.expect.yaml"), bag));
        Assert.Null(FixtureReader.Read(Path.Combine(dir, "b.expect.yaml"), bag));

        Assert.All(bag.Items, d => Assert.Equal("DBR0204", d.Id));
        Assert.Contains(bag.Items, d => d.Message.Contains("did you mean 'events'?") && d.Location.Line == 1 && d.Location.Column == 1);
    }

    [Fact]
    public void Suite_RuleWithoutPositiveFixture_IsDbr0202Error()
    {
        var result = FixtureSuite.Run(TestRules.Dir("fixtures"), TestRules.Valid, new NRulesBounceClassifier(TestRules.Valid), BareReply);

        var d = Assert.Single(result.Diagnostics, d => d.Id == "DBR0202" && d.Message.Contains("ICL1002"));
        Assert.True(d.IsError);
        Assert.Equal(37, d.Location.Line);
        Assert.Contains("1/5 rules with a positive fixture (20.0%)", result.Coverage.ToString());
    }
}
