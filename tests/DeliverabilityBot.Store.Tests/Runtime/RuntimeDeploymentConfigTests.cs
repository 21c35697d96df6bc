using DeliverabilityBot.Application;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Store.Tests.Runtime;

/// <summary>The deployment config's severity overrides reach every classifier and engine the runtime builds, not only explain's.</summary>
public sealed class RuntimeDeploymentConfigTests : IDisposable
{
    private static readonly BounceEvent Cs01 = new()
    {
        Recipient = "someone@icloud.com",
        RecipientDomain = "icloud.com",
        RemoteHost = "mx01.mail.icloud.com",
        Reply = SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy"),
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-runtime-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private DeliverabilityBotRuntime RuntimeWithConfig(string text)
    {
        var config = Path.Combine(_folder, "dbot.config");
        File.WriteAllText(config, text);
        return new DeliverabilityBotRuntime(new DeliverabilityBotOptions { RulesDirectory = TestPaths.InRepo("rules"), DeploymentConfigFile = config });
    }

    [Fact]
    public void ActiveRulesClassifier_RuleSetToNone_RuleNeverFindsWhatIngestStores()
    {
        var runtime = RuntimeWithConfig("rule.ICL1001.severity = none\n");

        var findings = runtime.ActiveRules.Classifier.Classify(Cs01).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId == "ICL1001");
    }

    [Fact]
    public void ActiveRulesClassifier_RuleLoweredToInfo_FindingCarriesTheOverride()
    {
        var runtime = RuntimeWithConfig("rule.ICL1001.severity = info\n");

        var finding = Assert.Single(runtime.ActiveRules.Classifier.Classify(Cs01).Findings, f => f.RuleId == "ICL1001");

        Assert.Equal(Core.Classification.RuleSeverity.Info, finding.Severity);
    }

    [Fact]
    public void Engine_DiagnosisRuleSetToNone_LeftOutOfTheEngineButKeptInTheRules()
    {
        var runtime = RuntimeWithConfig("rule.DIAG1001.severity = none\n");

        Assert.DoesNotContain(runtime.Engine.Rules, r => r.Id == "DIAG1001");
        Assert.Contains(runtime.DiagnosisRules.Rules, r => r.Id == "DIAG1001");
    }

    [Fact]
    public void Config_DiagnosisRuleId_NotReportedAsUnknown()
    {
        var runtime = RuntimeWithConfig("rule.DIAG1001.severity = none\nrule.NOPE9999.severity = none\n");

        var checkedConfig = runtime.CheckedConfig()!;

        var unknown = Assert.Single(checkedConfig.Diagnostics, d => d.Id == "DBR0302");
        Assert.Contains("NOPE9999", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(runtime.Config!.Diagnostics);
    }

    [Fact]
    public void Config_FileMissing_NoConfigAndOneProblemNamingIt()
    {
        var missing = Path.Combine(_folder, "absent.config");
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { RulesDirectory = TestPaths.InRepo("rules"), DeploymentConfigFile = missing });

        Assert.Null(runtime.Config);
        Assert.Contains(missing, runtime.ConfigProblem, StringComparison.Ordinal);
        Assert.Contains(runtime.ActiveRules.Classifier.Classify(Cs01).Findings, f => f.RuleId == "ICL1001");
    }
}
