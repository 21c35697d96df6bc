using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Ingestion.Evaluation;

namespace DeliverabilityBot.Ingestion.Tests.Evaluation;

public class ExplanationKindTests
{
    [Fact]
    public void Of_GenericRuleMatchingOnlyCodes_CodeOnly()
    {
        var kind = ExplanationKind.Of([Finding(RuleScope.Generic, new MatchedSpan("match.status", -1, 0, "5.1.1"))]);

        Assert.Equal(ExplainedBy.CodeOnly, kind);
    }

    [Fact]
    public void Of_GenericRuleMatchingReplyText_ReplyTextRule()
    {
        var kind = ExplanationKind.Of([Finding(RuleScope.Generic, new MatchedSpan("match.regex", 4, 12, "user unknown"))]);

        Assert.Equal(ExplainedBy.ReplyTextRule, kind);
    }

    [Fact]
    public void Of_ReceiverRuleBesideGenericText_ReceiverRuleWins()
    {
        var kind = ExplanationKind.Of(
        [
            Finding(RuleScope.Generic, new MatchedSpan("match.regex", 4, 12, "user unknown")),
            Finding(RuleScope.Receiver, new MatchedSpan("match.status", -1, 0, "5.7.1")),
        ]);

        Assert.Equal(ExplainedBy.ReceiverRule, kind);
    }

    [Fact]
    public void Of_NoFindings_CodeOnly()
    {
        Assert.Equal(ExplainedBy.CodeOnly, ExplanationKind.Of([]));
    }

    private static Finding Finding(RuleScope scope, MatchedSpan match) => new()
    {
        RuleId = "X1001",
        Title = "t",
        Message = "m",
        Scope = scope,
        Matches = [match],
    };
}
