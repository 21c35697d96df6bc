using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Windows;
using DeliverabilityBot.Core.Diagnosis;
using DeliverabilityBot.Rules.Diagnosis.Engine;

namespace DeliverabilityBot.FixtureTests.Diagnosis;

/// <summary>Ingests one scenario folder into a fresh store with the repository's rules and asks why.</summary>
internal static class ScenarioRunner
{
    public static string ScenariosDir => TestPaths.InRepo("tests", "fixtures", "scenarios");

    public static IEnumerable<object[]> Names() =>
        Directory.EnumerateDirectories(ScenariosDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => new object[] { n! });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(WhyReport, DiagnosisTrace, ScenarioExpectation)>> Results = new();

    /// <summary>The scenario's report, computed once per test run (several tests look at it).</summary>
    public static (WhyReport Report, DiagnosisTrace Trace, ScenarioExpectation Expect) Run(string name) =>
        Results.GetOrAdd(name, n => new Lazy<(WhyReport, DiagnosisTrace, ScenarioExpectation)>(() => Compute(n))).Value;

    private static (WhyReport Report, DiagnosisTrace Trace, ScenarioExpectation Expect) Compute(string name)
    {
        var folder = Path.Combine(ScenariosDir, name);
        var expect = ScenarioExpectation.Read(Path.Combine(folder, "expect.yaml"));
        var data = Path.Combine(Path.GetTempPath(), "dbot-scenarios", Guid.NewGuid().ToString("N"));
        try
        {
            var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { DataDirectory = data, RulesDirectory = TestPaths.InRepo("rules"), RetentionDays = 0 });
            var summary = runtime.CreateIngest().Ingest([folder]);
            Assert.True(summary.Problems.Count == 0, string.Join("\n", summary.Problems));
            var receiver = ReceiverNames.Normalize(expect.Receiver, runtime.Receivers);
            var window = WindowSpec.Anchored(WindowSpec.DefaultLength, runtime.Store.Reader.LatestEvent(), DateTimeOffset.UtcNow);
            var (report, trace) = runtime.Why.Why(receiver, window);
            return (report, trace, expect);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }
}
