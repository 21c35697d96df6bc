using System.Text;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Rules.Classification;
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
    public void ClassifyJson_LogOfManyBounces_SameBytesAsSequentialUncachedClassification()
    {
        // A log of thousands of bounces with few distinct replies: the classification cache answers most of them, and
        // every line must still say what the engine alone would say, in log order.
        const int bounces = 5_000;
        var rules = TestPaths.InRepo("rules");
        var log = WriteLogOfBounces(bounces);
        try
        {
            var classifier = new NRulesBounceClassifier(RuleSetLoader.Load(RuleSources.FromDirectory(rules)));
            var expected = new StringBuilder();
            foreach (var read in new EvidenceBatch(parallelism: 1).Read([log]))
                foreach (var e in read.Events.Where(IsBounceEvidence))
                    expected.Append(ClassificationJson.ToJsonLine(classifier.Classify(e))).Append('\n');

            var run = DbotProcess.Run(null, "classify", "--json", "--rules", rules, log);

            Assert.Equal(0, run.ExitCode);
            Assert.True(expected.ToString().Count(c => c == '\n') == bounces, "not every log line gave a bounce");
            Assert.Equal(expected.ToString(), run.Out);
        }
        finally
        {
            File.Delete(log);
        }
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

    [Fact]
    public void ClassifySummary_LogOfManyBounces_CountsOfTheUncachedEngine()
    {
        // Fewer than 1,000 per row, so the counts print without a thousands separator whatever the culture.
        var rules = TestPaths.InRepo("rules");
        var log = WriteLogOfBounces(900);
        try
        {
            var classifier = new NRulesBounceClassifier(RuleSetLoader.Load(RuleSources.FromDirectory(rules)));
            var results = new EvidenceBatch(parallelism: 1).Read([log]).SelectMany(r => r.Events).Where(IsBounceEvidence).Select(classifier.Classify).ToList();

            var run = DbotProcess.Run(null, "classify", "--rules", rules, log);

            Assert.Equal(0, run.ExitCode);
            var rows = run.Out.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(r => r.Length == 3).ToList();
            foreach (var g in results.GroupBy(r => r.Reason).Concat(results.GroupBy(r => r.Receiver)))
                Assert.Contains(rows, r => r[0] == g.Key && r[1] == g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var g in results.GroupBy(r => $"{r.Event.Reply.ReplyClass}xx"))
                Assert.Contains(rows, r => r[0] == g.Key && r[1] == g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void ClassifyJson_LargeLogBetweenEmails_SameBytesAndCountsAsReadingItWhole()
    {
        // Over 16 MB, so the log is streamed in slices: lines and counts must be those of the log read whole, in path order.
        var rules = TestPaths.InRepo("rules");
        var log = WriteLogOfBounces(18_000, padding: new string('x', 1_000));
        try
        {
            Assert.True(new FileInfo(log).Length > 16 * 1024 * 1024, "the log is too small to be streamed");
            string[] paths = [TestPaths.InRepo("tests", "fixtures", "icloud"), log, TestPaths.InRepo("tests", "fixtures", "yahoo")];
            var classifier = new CachingBounceClassifier(new NRulesBounceClassifier(RuleSetLoader.Load(RuleSources.FromDirectory(rules))));
            var reads = new EvidenceBatch(parallelism: 1).Read(paths).ToList();
            var expected = new StringBuilder();
            foreach (var e in reads.SelectMany(r => r.Events).Where(IsBounceEvidence))
                expected.Append(ClassificationJson.ToJsonLine(classifier.Classify(e))).Append('\n');

            var json = DbotProcess.Run(null, "classify", "--json", "--rules", rules, paths[0], paths[1], paths[2]);
            var summary = DbotProcess.Run(null, "classify", "--rules", rules, paths[0], paths[1], paths[2]);

            Assert.Equal(0, json.ExitCode);
            Assert.Equal(expected.ToString(), json.Out);
            var bounces = reads.SelectMany(r => r.Events).Count(IsBounceEvidence);
            Assert.StartsWith($"{bounces:N0} bounce(s) in {reads.Count:N0} message(s) from {reads.Select(r => r.Path).Distinct().Count():N0} file(s)", summary.Out);
        }
        finally
        {
            File.Delete(log);
        }
    }

    /// <summary>A Postfix log of <paramref name="bounces"/> bounces and deferrals cycling through three replies, one quoting the recipient.</summary>
    private static string WriteLogOfBounces(int bounces, string padding = "")
    {
        var log = Path.Combine(Path.GetTempPath(), $"dbot-many-bounces-{Guid.NewGuid():N}.log");
        string[] replies =
        [
            "said: 550 5.1.1 <{0}>: user does not exist (in reply to RCPT TO command)",
            "said: 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints (in reply to MAIL FROM command)",
            "said: 452 4.2.2 The email account that you tried to reach is over quota (in reply to RCPT TO command)",
        ];
        var lines = Enumerable.Range(0, bounces).Select(i =>
        {
            var to = $"user{i}@example.org";
            var reply = string.Format(System.Globalization.CultureInfo.InvariantCulture, replies[i % replies.Length], to) + padding;
            var status = i % replies.Length == 0 ? "bounced" : "deferred";
            return $"Nov 28 10:{i / 60 % 60:00}:{i % 60:00} mx1 postfix/smtp[2342]: {0x10000 + i:X}: to=<{to}>, relay=mx.example.org[192.0.2.1]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status={status} (host mx.example.org[192.0.2.1] {reply})";
        });
        File.WriteAllLines(log, lines);
        return log;
    }

    private static bool IsBounceEvidence(BounceEvent e) =>
        e.Action is DeliveryAction.Failed or DeliveryAction.Delayed || e.Kind is EvidenceKind.Feedback or EvidenceKind.AutoReply;
}
