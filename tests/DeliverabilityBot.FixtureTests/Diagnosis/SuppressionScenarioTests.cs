using System.Text.RegularExpressions;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Core.Suppression;

namespace DeliverabilityBot.FixtureTests.Diagnosis;

/// <summary>
/// Every scenario's suppression list, checked against the scenario's own log lines (not the classifier): no recipient in
/// it was ever deferred or expired, and its bounce was a permanent mailbox status with no policy or reputation wording.
/// </summary>
public partial class SuppressionScenarioTests
{
    public static IEnumerable<object[]> Names() => ScenarioRunner.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Report_Scenario_HoldsNoDeferredPolicyReputationOrExpiredRecipient(string name)
    {
        var folder = Path.Combine(ScenarioRunner.ScenariosDir, name);
        var report = Suppress(folder);
        var lines = Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".yaml", StringComparison.Ordinal)).SelectMany(File.ReadLines).ToList();
        foreach (var e in report.Safe)
        {
            var mine = lines.Where(l => l.Contains("<" + e.Recipient + ">", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.DoesNotContain(mine, l => l.Contains("status=deferred", StringComparison.Ordinal) || l.Contains("status=expired", StringComparison.Ordinal));
            Assert.DoesNotContain(mine, l => NotMailbox().IsMatch(l));
            Assert.All(mine.Where(l => l.Contains("status=bounced", StringComparison.Ordinal)), l => Assert.Matches(MailboxDsn(), l));
            Assert.DoesNotContain("[internal]", e.Reply, StringComparison.Ordinal);
        }
        if (name == "icloud-outage") Assert.Empty(report.Safe);
        if (name == "icloud-list-hygiene") Assert.NotEmpty(report.Safe);
    }

    private static SuppressionReport Suppress(string folder)
    {
        var data = Path.Combine(Path.GetTempPath(), "dbot-suppress", Guid.NewGuid().ToString("N"));
        try
        {
            var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { DataDirectory = data, RulesDirectory = TestPaths.InRepo("rules"), RetentionDays = 0 });
            var summary = runtime.CreateIngest().Ingest([folder]);
            Assert.True(summary.Problems.Count == 0, string.Join("\n", summary.Problems));
            var window = WindowSpec.Anchored(TimeSpan.FromDays(30), runtime.Store.Reader.LatestEvent(), DateTimeOffset.UtcNow);
            return runtime.Suppression.Report(null, window);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }

    [GeneratedRegex(@"polic|reputation|block|spam|authenticat|dmarc|spf|dkim|rate limit|too many|try again|deferred|timeout|expired", RegexOptions.IgnoreCase)]
    private static partial Regex NotMailbox();

    [GeneratedRegex(@"dsn=5\.(?:1\.\d+|2\.[01])\b")]
    private static partial Regex MailboxDsn();
}
