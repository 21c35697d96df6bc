using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Rules.Diagnosis.Loading;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;

namespace DeliverabilityBot.Application.RuleSets;

/// <summary>
/// The rule set in service, replaceable while requests are in flight. A reload loads and compiles the new set off to
/// the side; only a set without errors is swapped in, with one reference write, so a request sees either the old
/// set or the new one, never a mix. A rejected reload leaves the last good set serving and keeps its diagnostics
/// for the log and the health endpoint. The diagnosis rules of the same folder reload with them: an error in either
/// keeps both serving as they were. Thread-safe; reloads are serialized.
/// </summary>
public sealed class HotRuleSet
{
    private readonly Func<LoadedRuleSet, IBounceClassifier> _compile;
    private readonly Func<LoadedDiagnosisRules, DiagnosisEngine> _compileDiagnosis;
    private readonly TimeProvider _clock;
    private readonly Lock _reloading = new();
    private RuleSetSnapshot _active;
    private ReloadOutcome? _lastReload;

    /// <summary>Starts serving <paramref name="initial"/> (compiled with <paramref name="compile"/>, default: NRules).</summary>
    /// <param name="initial">The classification rules at start-up.</param>
    /// <param name="compile">Compiles a classification rule set (default: NRules, no overrides).</param>
    /// <param name="clock">The clock for load times.</param>
    /// <param name="initialClassifier">The classifier of <paramref name="initial"/> when already compiled.</param>
    /// <param name="initialDiagnosis">The diagnosis rules at start-up, loaded on first use; null: none until a reload brings them.</param>
    /// <param name="compileDiagnosis">Compiles diagnosis rules into an engine (default: every rule).</param>
    public HotRuleSet(LoadedRuleSet initial, Func<LoadedRuleSet, IBounceClassifier>? compile = null, TimeProvider? clock = null, IBounceClassifier? initialClassifier = null,
        Lazy<DiagnosisRuleSet>? initialDiagnosis = null, Func<LoadedDiagnosisRules, DiagnosisEngine>? compileDiagnosis = null)
    {
        _compile = compile ?? (set => new NRulesBounceClassifier(set));
        _compileDiagnosis = compileDiagnosis ?? (set => new DiagnosisEngine(set.Rules));
        _clock = clock ?? TimeProvider.System;
        _active = new RuleSetSnapshot(initial, initialClassifier ?? _compile(initial), 1, _clock.GetUtcNow()) { LazyDiagnosis = initialDiagnosis };
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

    /// <summary>
    /// Loads a new set with <paramref name="load"/> (and the diagnosis rules with <paramref name="loadDiagnosis"/>, when
    /// given; otherwise the serving ones stay); swaps them in together only when neither has errors.
    /// </summary>
    public ReloadOutcome Reload(Func<LoadedRuleSet> load, Func<LoadedDiagnosisRules>? loadDiagnosis = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        ReloadOutcome outcome;
        lock (_reloading)
        {
            outcome = TryReload(load, loadDiagnosis);
            Volatile.Write(ref _lastReload, outcome);
        }
        Reloaded?.Invoke(outcome);
        return outcome;
    }

    private ReloadOutcome TryReload(Func<LoadedRuleSet> load, Func<LoadedDiagnosisRules>? loadDiagnosis)
    {
        var current = Active;
        LoadedRuleSet next;
        IBounceClassifier classifier;
        var diagnosis = current.LazyDiagnosis;
        LoadedDiagnosisRules? nextDiagnosis;
        try
        {
            next = load();
            nextDiagnosis = loadDiagnosis?.Invoke();
            if (next.HasErrors || nextDiagnosis is { HasErrors: true })
                return ReloadOutcome.From(false, current.Version, next.Diagnostics.Concat(nextDiagnosis?.Diagnostics ?? []), _clock);
            if (next.Diagnostics.Any(IsFileWithoutRules))
            {
                // An editor's save truncates before it writes: a file caught in between has no rules and would silently
                // drop its whole family. Refuse; the save's next change event brings the reload back. Delete a file to retire it.
                return new ReloadOutcome(false, _clock.GetUtcNow(), current.Version,
                    [.. next.Diagnostics.Where(IsFileWithoutRules).Select(d => $"{d} (refused while serving: a file with no rules is taken for a save in progress)")]);
            }
            classifier = _compile(next);
            if (nextDiagnosis is not null) diagnosis = new(new DiagnosisRuleSet(nextDiagnosis, _compileDiagnosis(nextDiagnosis)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // A folder deleted or locked mid-edit, or an engine compile failure: the last good set keeps serving.
            return new ReloadOutcome(false, _clock.GetUtcNow(), current.Version, [$"reload failed: {ex.Message}"]);
        }
        var swapped = new RuleSetSnapshot(next, classifier, current.Version + 1, _clock.GetUtcNow()) { LazyDiagnosis = diagnosis };
        Volatile.Write(ref _active, swapped);
        return ReloadOutcome.From(true, swapped.Version, next.Diagnostics.Concat(nextDiagnosis?.Diagnostics ?? []), _clock);
    }

    private static bool IsFileWithoutRules(RuleDiagnostic d) => d.Id == DiagnosticCatalog.NoRules.Id;
}
