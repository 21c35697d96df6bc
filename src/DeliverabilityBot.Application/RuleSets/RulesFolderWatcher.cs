using DeliverabilityBot.Rules.Diagnosis.Loading;
using DeliverabilityBot.Rules.Loading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>
/// Watches a rules folder and reloads <see cref="HotRuleSet"/> (classification and diagnosis rules together) after edits settle. Editors save in bursts (temp file,
/// rename, touch), so changes are debounced; a reload that fails is logged with every diagnostic, one per line.
/// </summary>
public sealed class RulesFolderWatcher : IDisposable
{
    private readonly string _directory;
    private readonly HotRuleSet _rules;
    private readonly ILogger _log;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly TimeSpan _quiet;
    private int _disposed;

    /// <summary>Starts watching <paramref name="directory"/> (recursively, <c>*.yaml</c> and <c>*.yml</c>).</summary>
    /// <param name="directory">The rules folder.</param>
    /// <param name="rules">The rule set to reload.</param>
    /// <param name="quiet">How long the folder must stay unchanged before reloading (default 300 ms).</param>
    /// <param name="log">Where reloads are reported.</param>
    public RulesFolderWatcher(string directory, HotRuleSet rules, TimeSpan? quiet = null, ILogger? log = null)
    {
        _directory = directory;
        _rules = rules;
        _log = log ?? NullLogger.Instance;
        _quiet = quiet ?? TimeSpan.FromMilliseconds(300);
        _debounce = new Timer(_ => ReloadNow(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) => { _log.LogWarning(e.GetException(), "Rules watcher overflowed; reloading {Directory}", _directory); Schedule(); };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Reloads the folder now (also what the debounce timer calls).</summary>
    public ReloadOutcome ReloadNow()
    {
        var outcome = _rules.Reload(() => RuleSetLoader.Load(RuleSources.FromDirectory(_directory)), () => DiagnosisRuleLoader.Load(_directory));
        if (outcome.Applied)
            _log.LogInformation("Rules reloaded from {Directory}: version {Version} serving", _directory, outcome.ActiveVersion);
        else
            _log.LogError("Rules reload from {Directory} rejected; version {Version} keeps serving:\n{Diagnostics}",
                _directory, outcome.ActiveVersion, string.Join('\n', outcome.Diagnostics));
        return outcome;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (IsRuleFile(e.FullPath) || (e is RenamedEventArgs r && IsRuleFile(r.OldFullPath)) || Directory.Exists(e.FullPath)) Schedule();
    }

    private void Schedule()
    {
        if (Volatile.Read(ref _disposed) == 0) _debounce.Change(_quiet, Timeout.InfiniteTimeSpan);
    }

    private static bool IsRuleFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _watcher.Dispose();
        _debounce.Dispose();
    }
}
