namespace DeliverabilityBot.FixtureTests.Diagnosis;

/// <summary>Each scenario (an MTA log written from facts.md's real reply texts) yields its expected top diagnosis.</summary>
public sealed class ScenarioTests
{
    public static IEnumerable<object[]> Scenarios => ScenarioRunner.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Why_Scenario_RanksExpectedDiagnosisFirst(string scenario)
    {
        var (report, trace, expect) = ScenarioRunner.Run(scenario);
        var ids = report.Diagnoses.Select(d => $"{d.Id} ({d.Scope}, score {d.Score})").ToList();
        Assert.True(report.Diagnoses.Count > 0, $"{scenario}: no diagnosis; trace:\n{string.Join("\n", trace.Entries.Select(t => $"{t.RuleId} {t.Scope} fired={t.Fired} {string.Join("; ", t.Conditions.Select(c => $"{c.Condition}={c.Value}:{c.Held}"))}"))}");
        Assert.True(report.Diagnoses[0].Id == expect.Top, $"{scenario} ({expect.Description}): expected {expect.Top} first, got: {string.Join(", ", ids)}");
        foreach (var id in expect.AlsoFire) Assert.True(report.Diagnoses.Any(d => d.Id == id), $"{scenario}: expected {id} to fire too; got {string.Join(", ", ids)}");
        foreach (var id in expect.MustNotFire) Assert.False(report.Diagnoses.Any(d => d.Id == id), $"{scenario}: {id} must not fire; got {string.Join(", ", ids)}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Why_Scenario_TopDiagnosisHasNumbersExamplesAndActions(string scenario)
    {
        var (report, _, _) = ScenarioRunner.Run(scenario);
        var top = report.Diagnoses[0];
        Assert.True(report.Attempts > 0 && report.Attempts == report.Delivered + report.Deferred + report.Bounced);
        Assert.NotEmpty(top.Evidence.Figures);
        Assert.NotEmpty(top.Actions);
        Assert.Contains(top.Id, top.Rules);
        Assert.DoesNotContain("{", top.Title);
        if (top.Category != "none") Assert.NotEmpty(top.Evidence.Examples);
    }
}
