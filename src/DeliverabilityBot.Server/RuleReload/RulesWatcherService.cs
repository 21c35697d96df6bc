using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Application.Telemetry;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Server.RuleReload;

/// <summary>
/// Runs the <see cref="RulesFolderWatcher"/> for the server's lifetime when a rules folder is configured, and logs every
/// rule regex timeout (DBR0028) of the rule set in service, the first one and each one after a reload included.
/// </summary>
internal sealed class RulesWatcherService(RulesFolder folder, HotRuleSet rules, ILogger<RulesWatcherService> log) : IHostedService, IDisposable
{
    private RulesFolderWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        WatchTimeouts(rules.Active.Rules.Timeouts);
        rules.Reloaded += outcome =>
        {
            if (outcome.Applied) WatchTimeouts(rules.Active.Rules.Timeouts);
        };
        if (folder.Path is null || !Directory.Exists(folder.Path))
        {
            log.LogInformation("Rules hot reload off: {Reason}", folder.Path is null ? "the embedded rule set serves" : $"'{folder.Path}' does not exist");
            return Task.CompletedTask;
        }
        foreach (var d in rules.Active.Rules.Diagnostics.Where(d => d.IsError)) log.LogError("Rule file excluded at start-up: {Diagnostic}", d);
        _watcher = new RulesFolderWatcher(folder.Path, rules, log: log);
        log.LogInformation("Watching {Directory} for rule edits", folder.Path);
        return Task.CompletedTask;
    }

    private void WatchTimeouts(MatchTimeoutSink timeouts) =>
        timeouts.TimedOut += (ruleId, _, bounce) =>
        {
            DeliverabilityBotTelemetry.RegexTimeouts.Add(1, new KeyValuePair<string, object?>("rule", ruleId));
            log.LogWarning(
                "DBR0028: the regex of rule {RuleId} timed out on a reply from {Receiver}; the event was classified without it ({Count} timeouts in this rule set)",
                ruleId, bounce.RecipientDomain ?? bounce.RemoteHost ?? "unknown", timeouts.Count);
        };

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _watcher, null)?.Dispose();
}
