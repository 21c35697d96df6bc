using DeliverabilityBot.Ingestion.Evaluation;

namespace DeliverabilityBot.Ingestion.Tests.Evaluation;

public class CorpusEvaluatorTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "corpus");

    [Fact]
    public void Evaluate_MixedBounces_CountsAgreementAndSpecificRuleCoverage()
    {
        IReadOnlyList<ExpectedBounce> expected =
        [
            new("a.eml", 1, "userunknown", "5.1.1", "550", true),
            new("b.eml", 1, "blocked", "5.7.1", "554", false),
            new("c.eml", 1, "expired", "4.4.7", "", false),
        ];
        ObservedBounce[] observed =
        [
            new(Path.Combine(Root, "a.eml"), 1, "userunknown", "5.1.1", 550, true, "unknown", ExplainedBy.ReplyTextRule),
            new(Path.Combine(Root, "b.eml"), 1, "blocked", "5.7.1", 554, false, "icloud", ExplainedBy.ReceiverRule),
        ];

        var report = CorpusEvaluator.Evaluate(expected, Root, observed);

        Assert.Equal(2, report.Found);
        Assert.Equal(2, report["reason"].Agreed);
        Assert.Equal(1, report.ExplainedBySpecificRules);
        Assert.Equal(1, report.WithKnownReceiver);
        Assert.Equal(1, report.KnownReceiverExplained);
        Assert.Contains(report.Disagreements, d => d.File == "c.eml" && d.Field == "found");
        Assert.Equal(1, report.ByExplanation[ExplainedBy.ReceiverRule]);
        Assert.Equal(1, report.ByExplanation[ExplainedBy.ReplyTextRule]);
        Assert.Equal(0, report.ByExplanation[ExplainedBy.CodeOnly]);
    }
}
