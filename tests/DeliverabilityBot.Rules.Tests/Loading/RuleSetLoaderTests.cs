using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Rules.Tests.Loading;

public class RuleSetLoaderTests
{
    [Fact]
    public void Load_ValidFolder_LoadsEveryRuleWithoutDiagnostics()
    {
        var set = TestRules.Valid;

        Assert.Empty(set.Diagnostics);
        Assert.Equal(["ICL1001", "ICL1002", "PPT1001", "SMTP0001", "SMTP0002"], set.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, set.Files.Count);
    }

    [Fact]
    public void Load_ValidFolder_ReadsDescriptorFields()
    {
        var rule = TestRules.Valid.Find("icl1001")!.Descriptor;

        Assert.Equal("iCloud rejected the message by local policy [CS01]", rule.Title);
        Assert.Equal(RuleSeverity.Error, rule.Severity);
        Assert.Equal(RuleScope.Receiver, rule.Scope);
        Assert.Equal(800, rule.Priority);
        Assert.Equal("policyviolation", rule.Reason);
        Assert.False(rule.Retryable);
        Assert.Equal("observed", Assert.Single(rule.References).Confidence);
        Assert.Equal("someone@icloud.com", rule.Examples[0].To);
        Assert.EndsWith("receivers/icloud.yaml", rule.File);
        Assert.Equal(11, rule.IdLocation.Line);
        Assert.Equal(9, rule.IdLocation.Column);
    }

    [Fact]
    public void Load_OneBrokenFile_ExcludesOnlyThatFile()
    {
        var broken = TestRules.Inline("rules/filters/broken.yaml", "family: BRC\nscope: filter\nrules:\n  - id: BRC1001\n    mach: {}\n");

        var set = TestRules.WithValid(broken);

        Assert.Contains("rules/filters/broken.yaml", set.ExcludedFiles);
        Assert.Equal(5, set.Rules.Count);
        Assert.True(set.HasErrors);
    }

    [Fact]
    public void Load_EmbeddedSet_NeverThrows()
    {
        var set = RuleSetLoader.Load(RuleSources.Embedded());

        Assert.DoesNotContain(set.Diagnostics, d => d.IsError);
    }
}
