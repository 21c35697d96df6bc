using DeliverabilityBot.Application.RuleSets;

namespace DeliverabilityBot.Server.RuleReload;

/// <summary>Runs the <see cref="RulesFolderWatcher"/> for the server's lifetime when a rules folder is configured.</summary>
internal sealed class RulesWatcherService(RulesFolder folder, HotRuleSet rules, ILogger<RulesWatcherService> log) : IHostedService, IDisposable
{
    private RulesFolderWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
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

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _watcher, null)?.Dispose();
}
