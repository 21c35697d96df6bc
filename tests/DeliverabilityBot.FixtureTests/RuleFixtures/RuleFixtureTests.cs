using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Fixtures;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.FixtureTests.RuleFixtures;

/// <summary>Every fixture under tests/fixtures as its own case (the same runner as <c>dbot rules test</c>).</summary>
public class RuleFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in FixtureReader.Find(ShippedRules.FixturesDir))
            data.Add(Path.GetRelativePath(ShippedRules.FixturesDir, path).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_RunThroughParserAndRules_MeetsExpectation(string fixture)
    {
        var bag = new DiagnosticBag();
        var parsed = FixtureReader.Read(Path.Combine(ShippedRules.FixturesDir, fixture).Replace('\\', '/'), bag);
        Assert.True(parsed is not null, string.Join(Environment.NewLine, bag.Items));

        var outcome = ShippedRules.Runner.Run(parsed!);

        Assert.True(outcome.Passed, $"{fixture} ({parsed!.Description}):{Environment.NewLine}" + string.Join(Environment.NewLine, outcome.Failures));
    }

    [Fact]
    public void Suite_EveryShippedRule_HasPositiveFixtureAndNoErrors()
    {
        var result = FixtureSuite.Run(ShippedRules.FixturesDir, ShippedRules.Rules, new NRulesBounceClassifier(ShippedRules.Rules), TextEvidenceParser.Parse);

        Assert.Empty(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        Assert.All(ShippedRules.Rules.Rules, r => Assert.Contains(r.Id, result.Coverage.Positive));
    }

    [Fact]
    public void ShippedRules_Validate_NoErrors() =>
        Assert.Empty(ShippedRules.Rules.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
}
