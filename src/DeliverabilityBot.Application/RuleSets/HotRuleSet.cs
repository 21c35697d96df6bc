using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>
/// The rule set in service, replaceable while requests are in flight. A reload loads and compiles the new set off to
/// the side; only a set without errors is swapped in, with one reference write, so a request sees either the old
/// set or the new one, never a mix. A rejected reload leaves the last good set serving and keeps its diagnostics
/// for the log and the health endpoint. Thread-safe; reloads are serialized.
/// </summary>
public sealed class HotRuleSet
{
    private readonly Func<LoadedRuleSet, IBounceClassifier> _compile;
    private readonly TimeProvider _clock;
    private readonly Lock _reloading = new();
    private RuleSetSnapshot _active;
    private ReloadOutcome? _lastReload;

    /// <summary>Starts serving <paramref name="initial"/> (compiled with <paramref name="compile"/>, default: NRules).</summary>
    public HotRuleSet(LoadedRuleSet initial, Func<LoadedRuleSet, IBounceClassifier>? compile = null, TimeProvider? clock = null, IBounceClassifier? initialClassifier = null)
    {
        _compile = compile ?? (set => new NRulesBounceClassifier(set));
        _clock = clock ?? TimeProvider.System;
        _active = new RuleSetSnapshot(initial, initialClassifier ?? _compile(initial), 1, _clock.GetUtcNow());
        Classifier = new HotReloadClassifier(this);
    }

    /// <summary>The rule set serving now.</summary>
    public RuleSetSnapshot Active => Volatile.Read(ref _active);

    /// <summary>The last reload attempt, or null when none was made.</summary>
    public ReloadOutcome? LastReload => Volatile.Read(ref _lastReload);

    /// <summary>A classifier that always uses the active set (one snapshot per call).</summary>
    public IBounceClassifier Classifier { get; }

    /// <summary>Raised after every reload attempt, applied or not.</summary>
    public event Action<ReloadOutcome>? Reloaded;

    /// <summary>Loads a new set with <paramref name="load"/>; swaps it in only when it has no errors.</summary>
    public ReloadOutcome Reload(Func<LoadedRuleSet> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        ReloadOutcome outcome;
        lock (_reloading)
        {
            outcome = TryReload(load);
            Volatile.Write(ref _lastReload, outcome);
        }
        Reloaded?.Invoke(outcome);
        return outcome;
    }

    private ReloadOutcome TryReload(Func<LoadedRuleSet> load)
    {
        var current = Active;
        LoadedRuleSet next;
        IBounceClassifier classifier;
        try
        {
            next = load();
            if (next.HasErrors) return ReloadOutcome.From(false, current.Version, next.Diagnostics, _clock);
            if (next.Diagnostics.Any(IsFileWithoutRules))
            {
                // An editor's save truncates before it writes: a file caught in between has no rules and would silently
                // drop its whole family. Refuse; the save's next change event brings the reload back. Delete a file to retire it.
                return new ReloadOutcome(false, _clock.GetUtcNow(), current.Version,
                    [.. next.Diagnostics.Where(IsFileWithoutRules).Select(d => $"{d} (refused while serving: a file with no rules is taken for a save in progress)")]);
            }
            classifier = _compile(next);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // A folder deleted or locked mid-edit, or an engine compile failure: the last good set keeps serving.
            return new ReloadOutcome(false, _clock.GetUtcNow(), current.Version, [$"reload failed: {ex.Message}"]);
        }
        var swapped = new RuleSetSnapshot(next, classifier, current.Version + 1, _clock.GetUtcNow());
        Volatile.Write(ref _active, swapped);
        return ReloadOutcome.From(true, swapped.Version, next.Diagnostics, _clock);
    }

    private static bool IsFileWithoutRules(RuleDiagnostic d) => d.Id == DiagnosticCatalog.NoRules.Id;
}
