using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Configuration;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Tests.Configuration;

public class DeploymentConfigTests
{
    [Fact]
    public void Parse_ValidEntries_SplitsRuleAndDiagnosticOverrides()
    {
        var c = DeploymentConfig.Parse("dbot.config", "# overrides\nrule.ICL1001.severity = warning\nrule.icl1002.severity=none ; off\n\nrule.DBR0104.severity = none\n", ["ICL1001", "ICL1002"]);

        Assert.Empty(c.Diagnostics);
        Assert.Equal(RuleSeverity.Warning, c.RuleSeverities["ICL1001"]);
        Assert.Equal(RuleSeverity.None, c.RuleSeverities["ICL1002"]);
        Assert.Equal(DiagnosticLevel.None, c.DiagnosticLevels["DBR0104"]);
    }

    [Fact]
    public void Parse_InvalidEntries_AreDiagnosticsAtLineAndColumn()
    {
        var c = DeploymentConfig.Parse("dbot.config", "rule.ICL1001.severity = fatal\n  dotnet_diagnostic.x = y\nrule.ZZZ9999.severity = info\n", ["ICL1001"]);

        Assert.Equal(
            ["dbot.config(1,25): error DBR0301: severity 'fatal' for ICL1001 must be error, warning, info or none",
             "dbot.config(2,3): error DBR0301: 'dotnet_diagnostic.x = y' is not 'rule.<ID>.severity = error|warning|info|none'",
             "dbot.config(3,1): warning DBR0302: no rule has the id 'ZZZ9999'; the override has no effect"],
            c.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Apply_DiagnosticOverride_RelevelsAndDrops()
    {
        var c = DeploymentConfig.Parse("dbot.config", "rule.DBR0020.severity = error\nrule.DBR0027.severity = none\n", []);
        var loc = SourceLocation.InFile("x.yaml");
        RuleDiagnostic[] input = [new(DiagnosticCatalog.ReferenceWithoutConfidence, DiagnosticLevel.Warning, loc, "a"), new(DiagnosticCatalog.NoRules, DiagnosticLevel.Warning, loc, "b")];

        var output = c.Apply(input).ToArray();

        Assert.Equal(DiagnosticLevel.Error, Assert.Single(output).Level);
    }
}
