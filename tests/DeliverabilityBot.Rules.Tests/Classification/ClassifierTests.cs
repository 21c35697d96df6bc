using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Engine;

namespace DeliverabilityBot.Rules.Tests.Classification;

public class ClassifierTests
{
    private static readonly NRulesBounceClassifier Engine = new(TestRules.Valid);
    private static readonly PredicateLoopClassifier Loop = new(TestRules.Valid);

    private static BounceEvent Event(string reply, string? to = "someone@icloud.com", string? host = null) => new()
    {
        Recipient = to is not null && to.Contains('@') ? to : null,
        RecipientDomain = to?.Split('@')[^1],
        RemoteHost = host,
        Reply = SmtpReply.Parse(reply),
    };

    [Fact]
    public void Classify_ICloudCs01_ReceiverRuleFirstThenGeneric()
    {
        var c = Engine.Classify(Event("554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"));

        Assert.Equal(["ICL1001", "SMTP0001"], c.Findings.Select(f => f.RuleId));
        Assert.Equal("policyviolation", c.Reason);
        Assert.Equal("icloud", c.Receiver);
        Assert.False(c.Retryable);
        Assert.False(c.HardBounce);
        Assert.Equal("iCloud refused mail to someone@icloud.com with 5.7.1 [CS01]", c.Primary!.Message);
    }

    [Fact]
    public void Classify_ContainsCondition_ReportsSpanInReplyText()
    {
        var bounce = Event("554 5.7.1 [CS01] Message rejected due to local policy");
        var c = Engine.Classify(bounce);

        var span = Assert.Single(c.Primary!.Matches, m => m.Condition == "match.contains");
        Assert.Equal("[CS01]", bounce.Reply.Text.Substring(span.Start, span.Length));
        Assert.Contains(c.Primary.Matches, m => m is { Condition: "match.status", Value: "5.7.1", Start: -1 });
    }

    [Fact]
    public void Classify_RegexNamedGroup_FillsPlaceholderAndSpan()
    {
        var c = Engine.Classify(Event("421 4.7.0 mail from 192.0.2.1 deferred, try again later"));

        Assert.Equal("ICL1002", c.Primary!.RuleId);
        Assert.Equal("iCloud deferred 192.0.2.1 (421)", c.Primary.Message);
        Assert.Equal("mail from 192.0.2.1 deferred", Assert.Single(c.Primary.Matches, m => m.Condition == "match.regex").Value);
        Assert.True(c.Retryable);
    }

    [Fact]
    public void Classify_HostOnly_AttributesReceiverByHostGlob()
    {
        var c = Engine.Classify(Event("554 5.7.1 [CS01] rejected", to: "x@customer.example", host: "mx05.mail.icloud.com"));

        Assert.Equal("ICL1001", c.Primary!.RuleId);
    }

    [Fact]
    public void Classify_FilterRule_MergesFilterAndKeepsAttributedReceiver()
    {
        var c = Engine.Classify(Event("554 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.7", to: "a@corp.example"));

        Assert.Equal(["PPT1001", "SMTP0001"], c.Findings.Select(f => f.RuleId));
        Assert.Equal("proofpoint", c.Filter);
        Assert.Equal("unknown", c.Receiver);
        Assert.Equal("Proofpoint blocked 192.0.2.7", c.Primary!.Message);
    }

    [Fact]
    public void Classify_NothingMatches_UndefinedReasonAndClassDefaults()
    {
        var c = Engine.Classify(Event("250 2.0.0 OK", to: "a@corp.example"));

        Assert.Empty(c.Findings);
        Assert.Equal("undefined", c.Reason);
        Assert.Null(c.Primary);
    }

    [Fact]
    public void Classify_HardBounceFromLowerPriorityRule_IsMerged()
    {
        var c = Engine.Classify(Event("550 5.1.1 user unknown", to: "a@corp.example"));

        Assert.Equal(["SMTP0002", "SMTP0001"], c.Findings.Select(f => f.RuleId));
        Assert.Equal("userunknown", c.Reason);
        Assert.True(c.HardBounce);
        Assert.False(c.Retryable);
    }

    [Fact]
    public void Classify_SeverityNone_DisablesRule()
    {
        var classifier = new NRulesBounceClassifier(TestRules.Valid, new Dictionary<string, RuleSeverity> { ["ICL1001"] = RuleSeverity.None, ["SMTP0001"] = RuleSeverity.Error });

        var c = classifier.Classify(Event("554 5.7.1 [CS01] rejected"));

        Assert.Equal("SMTP0001", Assert.Single(c.Findings).RuleId);
        Assert.Equal(RuleSeverity.Error, c.Findings[0].Severity);
    }

    [Theory]
    [InlineData("554 5.7.1 [CS01] Message rejected", "someone@me.com", null)]
    [InlineData("421 4.7.0 mail from 198.51.100.3 deferred", "x@icloud.com", null)]
    [InlineData("550 5.1.1 user unknown", "x@mac.com", null)]
    [InlineData("421 4.7.1 Proofpoint Dynamic Reputation deferral", "x@corp.example", "mx1.pphosted.com")]
    [InlineData("", null, null)]
    [InlineData("garbage \u0000 \uFFFF", "not-an-address", "??")]
    public void Classify_EngineAndPlainLoop_Agree(string reply, string? to, string? host)
    {
        var bounce = Event(reply, to, host);

        var a = Engine.Classify(bounce);
        var b = Loop.Classify(bounce);

        Assert.Equal(b.Findings.Select(f => f.RuleId), a.Findings.Select(f => f.RuleId));
        Assert.Equal(b.Reason, a.Reason);
        Assert.Equal(b.Receiver, a.Receiver);
    }

    [Fact]
    public void Classify_ConcurrentCallers_SameResultsAsSequential()
    {
        var bounces = Enumerable.Range(0, 400).Select(i => Event(i % 2 == 0 ? "554 5.7.1 [CS01] x" : "550 5.1.1 unknown", $"u{i}@icloud.com")).ToArray();
        var expected = bounces.Select(b => string.Join(",", Engine.Classify(b).Findings.Select(f => f.RuleId))).ToArray();

        var actual = new string[bounces.Length];
        Parallel.For(0, bounces.Length, i => actual[i] = string.Join(",", Engine.Classify(bounces[i]).Findings.Select(f => f.RuleId)));

        Assert.Equal(expected, actual);
    }
}
