using System.Text;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Cli.Tests.Commands;

public class ClassifyCommandTests
{
    [Fact]
    public void ClassifyJson_Fixtures_SameBytesAsSequentialUncachedClassification()
    {
        var rules = TestPaths.InRepo("rules");
        var fixtures = TestPaths.InRepo("tests", "fixtures");
        var classifier = new NRulesBounceClassifier(RuleSetLoader.Load(RuleSources.FromDirectory(rules)));
        var expected = new StringBuilder();
        foreach (var read in new EvidenceBatch(parallelism: 1).Read([fixtures]))
            foreach (var e in read.Events.Where(IsBounceEvidence))
                expected.Append(ClassificationJson.ToJsonLine(classifier.Classify(e))).Append('\n');

        var run = DbotProcess.Run(null, "classify", "--json", "--rules", rules, fixtures);

        Assert.Equal(0, run.ExitCode);
        Assert.True(expected.Length > 10_000, "the fixtures gave almost no bounces");
        Assert.Equal(expected.ToString(), run.Out);
    }

    [Fact]
    public void ClassifyJson_MissingPath_ErrorOnStderrOthersStillPrinted()
    {
        var fixture = TestPaths.InRepo("tests", "fixtures", "icloud");

        var run = DbotProcess.Run(null, "classify", "--json", Path.Combine(Path.GetTempPath(), "no-such-dbot-input"), fixture);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no such file or folder", run.Err);
        Assert.NotEmpty(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsBounceEvidence(BounceEvent e) =>
        e.Action is DeliveryAction.Failed or DeliveryAction.Delayed || e.Kind is EvidenceKind.Feedback or EvidenceKind.AutoReply;
}
