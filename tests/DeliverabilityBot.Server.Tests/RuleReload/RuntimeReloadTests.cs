using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Queries;
using DeliverabilityBot.Application.RuleSets;

namespace DeliverabilityBot.Server.Tests.RuleReload;

/// <summary>A hot reload swaps the classification rules, the diagnosis rules and the rule catalog together.</summary>
public sealed class RuntimeReloadTests : IDisposable
{
    private const string EditedTitle = "Edge refusals at {receiver} (edited)";
    private readonly RulesFolderCopy _folder = new();

    public RuntimeReloadTests()
    {
        // The test rule set has no diagnosis rules: the shipped ones join it.
        var diagnosis = Directory.CreateDirectory(Path.Combine(_folder.Path, "diagnosis")).FullName;
        foreach (var file in Directory.EnumerateFiles(TestPaths.InRepo("rules", "diagnosis"), "*.yaml"))
            File.Copy(file, Path.Combine(diagnosis, Path.GetFileName(file)));
    }

    private string DiagnosisICloud => Path.Combine(_folder.Path, "diagnosis", "icloud.yaml");

    public void Dispose() => _folder.Dispose();

    private void EditDiagnosisTitle() =>
        File.WriteAllText(DiagnosisICloud, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(DiagnosisICloud),
            "(id: DIAG1001\n    title: )\"[^\"]*\"", $"$1\"{EditedTitle}\""));

    [Fact]
    public void ReloadNow_DiagnosisRuleEdited_EngineAndCatalogServeTheEdit()
    {
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { RulesDirectory = _folder.Path });
        var queries = new DeliverabilityQueries(runtime);
        Assert.NotEqual(EditedTitle, queries.FindRule("DIAG1001")!.Title);
        using var watcher = new RulesFolderWatcher(_folder.Path, runtime.ActiveRules, TimeSpan.FromHours(1));

        EditDiagnosisTitle();
        _folder.Edit(t => t.Replace("iCloud rejected the message by local policy [CS01]", "CS01 (edited)", StringComparison.Ordinal));
        var outcome = watcher.ReloadNow();

        Assert.True(outcome.Applied, string.Join('\n', outcome.Diagnostics));
        Assert.Equal(EditedTitle, Assert.Single(runtime.Engine.Rules, r => r.Id == "DIAG1001").Title);
        Assert.Equal(EditedTitle, queries.FindRule("DIAG1001")!.Title);
        Assert.Equal("CS01 (edited)", queries.FindRule("ICL1001")!.Title);
    }

    [Fact]
    public void ReloadNow_DiagnosisFileBroken_RejectedAndBothSetsKeepServing()
    {
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { RulesDirectory = _folder.Path });
        var before = runtime.ActiveRules.Active;
        var diagnosisBefore = runtime.Engine.Rules.Count;
        using var watcher = new RulesFolderWatcher(_folder.Path, runtime.ActiveRules, TimeSpan.FromHours(1));

        File.WriteAllText(DiagnosisICloud, File.ReadAllText(DiagnosisICloud).Replace("family: DIAG", "family: DIAG\nrules: [", StringComparison.Ordinal));
        var outcome = watcher.ReloadNow();

        Assert.False(outcome.Applied);
        Assert.Contains(outcome.Diagnostics, d => d.Contains("icloud.yaml", StringComparison.Ordinal) && d.Contains("error DBR", StringComparison.Ordinal));
        Assert.Same(before, runtime.ActiveRules.Active);
        Assert.Equal(diagnosisBefore, runtime.Engine.Rules.Count);
    }

    [Fact]
    public void ReloadNow_ConfigTurnsRuleOff_OverrideStillAppliesAfterReload()
    {
        var config = Path.Combine(_folder.Path, "dbot.config");
        File.WriteAllText(config, "rule.ICL1001.severity = none\nrule.DIAG1001.severity = none\n");
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions { RulesDirectory = _folder.Path, DeploymentConfigFile = config });
        using var watcher = new RulesFolderWatcher(_folder.Path, runtime.ActiveRules, TimeSpan.FromHours(1));

        _folder.Edit(t => t + "\n");
        var outcome = watcher.ReloadNow();

        Assert.True(outcome.Applied, string.Join('\n', outcome.Diagnostics));
        Assert.DoesNotContain(runtime.ActiveRules.Classifier.Classify(HotRuleSetTestsEvents.Cs01).Findings, f => f.RuleId == "ICL1001");
        Assert.DoesNotContain(runtime.Engine.Rules, r => r.Id == "DIAG1001");
    }
}

/// <summary>A bounce the test rule set's ICL1001 matches.</summary>
internal static class HotRuleSetTestsEvents
{
    public static readonly Core.Events.BounceEvent Cs01 = new()
    {
        Recipient = "someone@icloud.com",
        RecipientDomain = "icloud.com",
        RemoteHost = "mx01.mail.icloud.com",
        Reply = Core.Smtp.SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy"),
    };
}
