using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Server.Tests.RuleReload;

/// <summary>Hot reload under load: rule files are edited while classifications are in flight.</summary>
public class HotRuleSetTests
{
    private const string NewTitle = "iCloud refused the message by local policy [CS01] (edited)";

    private static readonly BounceEvent Cs01 = new()
    {
        Recipient = "someone@icloud.com",
        RecipientDomain = "icloud.com",
        RemoteHost = "mx01.mail.icloud.com",
        Reply = SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy"),
    };

    [Fact]
    public async Task Reload_GoodThenBadEditsWhileClassifying_NoRequestFailsAndLastGoodSetServes()
    {
        using var folder = new RulesFolderCopy();
        var rules = new HotRuleSet(RuleSetLoader.Load(folder.Path));
        using var watcher = new RulesFolderWatcher(folder.Path, rules, TimeSpan.FromMilliseconds(20));
        using var stop = new CancellationTokenSource();
        var titles = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested || n == 0)
            {
                var finding = Assert.Single(rules.Classifier.Classify(Cs01).Findings, f => f.RuleId == "ICL1001");
                titles.Add(finding.Title);
                n++;
            }
            return n;
        })).ToArray();

        folder.Edit(t => t.Replace("iCloud rejected the message by local policy [CS01]", NewTitle, StringComparison.Ordinal));
        var good = watcher.ReloadNow();
        folder.Edit(t => t.Replace("family: ICL", "family: ICL\nrules: [", StringComparison.Ordinal));
        var bad = watcher.ReloadNow();
        await Task.Delay(50);
        stop.Cancel();
        var served = await Task.WhenAll(clients);

        Assert.True(good.Applied, string.Join('\n', good.Diagnostics));
        Assert.False(bad.Applied);
        Assert.Contains(bad.Diagnostics, d => d.Contains("icloud.yaml", StringComparison.Ordinal) && d.Contains("error DBR", StringComparison.Ordinal));
        Assert.True(rules.Active.Version >= 2); // the watcher may also have applied the good edit on its own
        Assert.Equal(NewTitle, Assert.Single(rules.Classifier.Classify(Cs01).Findings, f => f.RuleId == "ICL1001").Title);
        Assert.False(rules.LastReload!.Applied);
        Assert.All(served, n => Assert.True(n > 0));
        Assert.Contains(NewTitle, titles);
    }

    [Fact]
    public void Reload_FileCaughtMidSaveEmpty_RefusedAndFamilyKeepsServing()
    {
        using var folder = new RulesFolderCopy();
        var rules = new HotRuleSet(RuleSetLoader.Load(folder.Path));
        File.WriteAllText(folder.ICloud, "");

        var outcome = rules.Reload(() => RuleSetLoader.Load(folder.Path));

        Assert.False(outcome.Applied);
        Assert.Contains(outcome.Diagnostics, d => d.Contains("icloud.yaml", StringComparison.Ordinal) && d.Contains("DBR0027", StringComparison.Ordinal));
        Assert.Equal(1, rules.Active.Version);
        Assert.Single(rules.Classifier.Classify(Cs01).Findings, f => f.RuleId == "ICL1001");
    }

    [Fact]
    public async Task Watcher_FileSaved_ReloadsWithoutBeingAsked()
    {
        using var folder = new RulesFolderCopy();
        var rules = new HotRuleSet(RuleSetLoader.Load(folder.Path));
        var reloaded = new TaskCompletionSource<ReloadOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        rules.Reloaded += o => reloaded.TrySetResult(o);
        using var watcher = new RulesFolderWatcher(folder.Path, rules, TimeSpan.FromMilliseconds(20));

        folder.Edit(t => t.Replace("iCloud rejected the message by local policy [CS01]", NewTitle, StringComparison.Ordinal));

        // Generous ceiling for a busy machine; the watcher normally reacts within the 20 ms quiet period.
        var outcome = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(outcome.Applied, string.Join('\n', outcome.Diagnostics));
        Assert.Equal(NewTitle, rules.Classifier.Classify(Cs01).Findings.Single(f => f.RuleId == "ICL1001").Title);
    }
}
