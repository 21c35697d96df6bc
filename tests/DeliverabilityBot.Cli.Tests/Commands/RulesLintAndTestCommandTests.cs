namespace DeliverabilityBot.Cli.Tests.Commands;

public class RulesLintAndTestCommandTests
{
    [Fact]
    public void Lint_ShippedRules_NoErrors()
    {
        var r = DbotProcess.Run(null, "rules", "lint", TestPaths.InRepo("rules"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("rule(s) linted: 0 error(s)", r.Out);
    }

    [Fact]
    public void Lint_EmbeddedRules_LedgerAndIdRangesFoundInTheToolingAssembly()
    {
        // No folder, no DBOT_RULES: the embedded rule set, checked against the RELEASES.md and ID-RANGES.md the
        // tooling assembly carries (DBR0108 says either was not found).
        var r = DbotProcess.Run(null, "rules", "lint");

        Assert.Contains("the embedded rule set: ", r.Out);
        Assert.DoesNotContain("DBR0108", r.Out);
    }

    [Fact]
    public void Test_ShippedRulesAndFixtures_PassWithFullCoverage()
    {
        var r = DbotProcess.Run(null, "rules", "test", TestPaths.InRepo("rules"), "--fixtures", TestPaths.InRepo("tests", "fixtures"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains(" 0 failed; coverage: ", r.Out);
    }

    [Fact]
    public void Test_RuleWithoutFixture_ExitsOne()
    {
        var empty = Directory.CreateTempSubdirectory("dbot-fixtures-").FullName;

        var r = DbotProcess.Run(null, "rules", "test", DbotProcess.TestRules, "--fixtures", empty);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error DBR0202: rule ICL1001 has no positive fixture", r.Out);
    }

    [Fact]
    public void Validate_InvalidConfigEntry_IsDiagnostic()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("dbot-config-").FullName, "dbot.config");
        File.WriteAllText(config, "rule.ICL1001.severity = loud\n");

        var r = DbotProcess.Run(null, "rules", "validate", DbotProcess.TestRules, "--config", config);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("dbot.config(1,25): error DBR0301", r.Out);
    }
}
