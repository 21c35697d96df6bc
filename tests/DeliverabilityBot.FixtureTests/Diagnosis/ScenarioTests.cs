using DeliverabilityBot.Rules.Diagnosis.Facts;

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
        if (expect.TopScope is { } scope) Assert.True(report.Diagnoses[0].Scope == scope, $"{scenario}: expected the top diagnosis at {scope}, got {report.Diagnoses[0].Scope}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Why_Scenario_ConsequenceListedUnderItsCause(string scenario)
    {
        var (report, _, expect) = ScenarioRunner.Run(scenario);
        var list = report.Diagnoses.ToList();
        foreach (var (consequence, cause) in expect.Follows)
        {
            var c = list.FindIndex(d => d.Id == consequence);
            Assert.True(c >= 0, $"{scenario}: {consequence} did not fire");
            Assert.True(list[c].CausedBy?.Id == cause, $"{scenario}: {consequence} should follow from {cause}, but follows from {list[c].CausedBy?.Id ?? "nothing"}");
            Assert.True(list.FindIndex(d => d.Id == cause) < c, $"{scenario}: {consequence} is ranked above its cause {cause}");
        }
        // Whatever the scenario: no diagnosis is ever listed above the one it follows from.
        foreach (var (d, i) in list.Select((d, i) => (d, i)).Where(x => x.d.CausedBy is not null))
            Assert.True(list.FindIndex(x => x.Id == d.CausedBy!.Id && x.Scope == d.CausedBy.Scope) is var at && at >= 0 && at < i, $"{scenario}: {d.Id} is listed above its cause");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Why_Scenario_AnswerShowsNoInternalNames(string scenario)
    {
        var (report, _, _) = ScenarioRunner.Run(scenario);
        var internalNames = Metrics.ByName.Keys.Where(k => k.Any(char.IsUpper)).ToList();
        foreach (var d in report.Diagnoses)
        {
            var texts = new[] { d.Title, d.Explanation }.Concat(d.Actions).Concat(d.Evidence.Figures.SelectMany(f => new[] { f.Label, f.Value }));
            foreach (var text in texts)
            {
                Assert.DoesNotContain("{", text);
                Assert.DoesNotContain("(no IP recorded)", text);
                foreach (var name in internalNames) Assert.False(text.Contains(name, StringComparison.Ordinal), $"{scenario}: {d.Id} shows the metric name '{name}': {text}");
            }
        }
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
