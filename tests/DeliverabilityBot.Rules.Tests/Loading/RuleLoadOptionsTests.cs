using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Loading;

/// <summary>What <see cref="RuleLoadOptions.WithoutExampleChecks"/> skips (examples) and what it keeps (everything else).</summary>
public class RuleLoadOptionsTests
{
    [Fact]
    public void Load_Default_ReportsAnExampleThatDoesNotMatch()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("rules/generic/full.yaml", SampleRuleFiles.WrongExample)]);

        Assert.Equal("DBR0016", Assert.Single(set.Diagnostics).Id);
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Load_WithoutExampleChecks_SkipsExamplesButLoadsTheRule()
    {
        var set = RuleSetLoader.Load([TestRules.Inline("rules/generic/full.yaml", SampleRuleFiles.WrongExample)], RuleLoadOptions.WithoutExampleChecks);

        Assert.Empty(set.Diagnostics);
        Assert.Equal(["SMTP0100"], set.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Load_WithoutExampleChecks_StillReportsSchemaErrors()
    {
        var broken = TestRules.Inline("rules/filters/broken.yaml", "family: BRC\nscope: filter\nrules:\n  - id: BRC1001\n    mach: {}\n");

        var set = RuleSetLoader.Load([broken], RuleLoadOptions.WithoutExampleChecks);

        Assert.True(set.HasErrors);
        Assert.Contains("rules/filters/broken.yaml", set.ExcludedFiles);
    }

    [Fact]
    public void Load_ManyFiles_RulesAndDiagnosticsInSourceOrderEveryTime()
    {
        var sources = Enumerable.Range(0, 12)
            .Select(i => TestRules.Inline($"rules/generic/f{i:D2}.yaml", SampleRuleFiles.WrongExample.Replace("SMTP0100", $"SMTP01{i:D2}")))
            .ToArray();

        for (var run = 0; run < 5; run++)
        {
            var set = RuleSetLoader.Load(sources, RuleLoadOptions.WithoutExampleChecks);
            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"SMTP01{i:D2}"), set.Rules.Select(r => r.Id));
            var checkedSet = RuleSetLoader.Load(sources);
            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"rules/generic/f{i:D2}.yaml"), checkedSet.Diagnostics.Select(d => d.Location.File));
        }
    }
}
