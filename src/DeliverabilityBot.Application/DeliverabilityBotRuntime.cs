using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Rules.Diagnosis.Loading;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Application;

/// <summary>
/// The composition root shared by the CLI and the server: the classification rule set and its NRules
/// classifier, the diagnosis rules and their engine, and the store, each built on first use. A rule file with
/// errors is left out (see <see cref="RuleDiagnostics"/>); the rest keeps working. Thread-safe.
/// </summary>
public sealed class DeliverabilityBotRuntime
{
    private readonly Lazy<LoadedRuleSet> _rules;
    private readonly Lazy<NRulesBounceClassifier> _classifier;
    private readonly Lazy<HotRuleSet> _active;
    private readonly Lazy<LoadedDiagnosisRules> _diagnosisRules;
    private readonly Lazy<DiagnosisEngine> _engine;
    private readonly Lazy<IHistoryStore> _store;
    private readonly Lazy<(SendingMap? Map, IReadOnlyList<string> Warnings)> _sending;

    /// <summary>Creates the runtime; nothing is loaded or opened until used.</summary>
    public DeliverabilityBotRuntime(DeliverabilityBotOptions options)
    {
        Options = options;
        // The embedded set's examples were run by the test suite before it shipped; a folder on disk is checked as it loads.
        _rules = new(() => RuleSetLoader.Load(RuleSources.Resolve(options.RulesDirectory),
            RuleSources.ResolvesToEmbedded(options.RulesDirectory) ? RuleLoadOptions.WithoutExampleChecks : RuleLoadOptions.Default));
        _classifier = new(() => new NRulesBounceClassifier(_rules.Value));
        _active = new(() => new HotRuleSet(_rules.Value, set => new CachingBounceClassifier(new NRulesBounceClassifier(set)), initialClassifier: new CachingBounceClassifier(_classifier.Value)));
        _diagnosisRules = new(() => DiagnosisRuleLoader.Load(options.RulesDirectory));
        _engine = new(() => new DiagnosisEngine(_diagnosisRules.Value.Rules));
        _store = new(() => HistoryStores.Open(new StoreOptions
        {
            DataDirectory = DataFolder.Resolve(options.DataDirectory),
            RetentionDays = options.RetentionDays,
            BatchSize = options.BatchSize,
        }));
        _sending = new(() =>
        {
            var warnings = new List<string>();
            return (SendingMapLoader.Load(options.MtaConfigDirectories, options.DeploymentConfigFile, warnings), warnings);
        });
    }

    /// <summary>The options.</summary>
    public DeliverabilityBotOptions Options { get; }

    /// <summary>The classification rules (clean files only).</summary>
    public LoadedRuleSet Rules => _rules.Value;

    /// <summary>The stage-2 diagnosis rules (clean files only).</summary>
    public LoadedDiagnosisRules DiagnosisRules => _diagnosisRules.Value;

    /// <summary>Errors and warnings of both rule sets, for a start-up report.</summary>
    public IEnumerable<RuleDiagnostic> RuleDiagnostics => Rules.Diagnostics.Concat(DiagnosisRules.Diagnostics);

    /// <summary>The stage-1 classifier.</summary>
    public NRulesBounceClassifier Classifier => _classifier.Value;

    /// <summary>The rule set in service, replaced atomically by a hot reload (the server watches the rules folder).</summary>
    public HotRuleSet ActiveRules => _active.Value;

    /// <summary>The stage-2 engine.</summary>
    public DiagnosisEngine Engine => _engine.Value;

    /// <summary>The store (opened, created and migrated on first use).</summary>
    /// <exception cref="StoreException">The data folder or database cannot be used.</exception>
    public IHistoryStore Store => _store.Value;

    /// <summary>The deployment's sending IPs and streams (<see cref="DeliverabilityBotOptions.MtaConfigDirectories"/>, the deployment config), or null.</summary>
    /// <exception cref="MtaConfigException">A configuration file is missing or malformed.</exception>
    public SendingMap? Sending => _sending.Value.Map;

    /// <summary>What reading the sending configuration noticed (a syslog name shared by transports with different addresses, ...).</summary>
    public IReadOnlyList<string> SendingWarnings => _sending.Value.Warnings;

    /// <summary>A new ingest service over the store and a caching classifier.</summary>
    /// <exception cref="MtaConfigException">The sending configuration is missing or malformed.</exception>
    public IngestService CreateIngest() => CreateIngest(Sending);

    /// <summary>A new ingest service over the store and a caching classifier, with the given sending IPs (the demo's own MTA).</summary>
    public IngestService CreateIngest(SendingMap? sending) => new(Store, new SummaryClassifier(ActiveRules.Classifier), sending, ActiveRules.Active.Rules.Timeouts);

    /// <summary>The why service.</summary>
    public WhyService Why => new(Store, Engine);

    /// <summary>The stats service.</summary>
    public StatsService Stats => new(Store);
}
