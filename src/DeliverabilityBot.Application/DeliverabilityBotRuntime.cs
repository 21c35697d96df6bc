using DeliverabilityBot.Application.Classification;
using DeliverabilityBot.Application.Configuration;
using DeliverabilityBot.Application.Diagnosis;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Application.RuleSets;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Ingestion.Sending;
using DeliverabilityBot.Rules.Classification;
using DeliverabilityBot.Rules.Configuration;
using DeliverabilityBot.Rules.Diagnosis.Engine;
using DeliverabilityBot.Rules.Diagnosis.Loading;
using DeliverabilityBot.Rules.Diagnostics;
using DeliverabilityBot.Rules.Engine;
using DeliverabilityBot.Rules.Loading;
using DeliverabilityBot.Store;

namespace DeliverabilityBot.Application;

/// <summary>
/// The composition root shared by every CLI command and the server: the classification rule set and its NRules
/// classifier, the diagnosis rules and their engine, the deployment config (<c>dbot.config</c>, whose severity
/// overrides every classifier and engine built here applies) and the store, each built on first use. A rule file with
/// errors is left out (see <see cref="RuleDiagnostics"/>); the rest keeps working. Thread-safe.
/// </summary>
public sealed class DeliverabilityBotRuntime
{
    private readonly Lazy<LoadedRuleSet> _rules;
    private readonly Lazy<Core.Vocabulary.IReceiverRegistry> _receivers;
    private readonly Lazy<(DeploymentConfig? Config, string? Problem)> _config;
    private readonly Lazy<NRulesBounceClassifier> _classifier;
    private readonly Lazy<HotRuleSet> _active;
    private readonly Lazy<LoadedDiagnosisRules> _startupDiagnosisRules;
    private readonly Lazy<DiagnosisRuleSet> _diagnosis;
    private readonly Lazy<IHistoryStore> _store;
    private readonly Lazy<DeliverabilityBot.Rules.Mta.MtaThrottleSet> _mta;
    private readonly Lazy<(SendingMap? Map, IReadOnlyList<string> Warnings)> _sending;

    /// <summary>Creates the runtime; nothing is loaded or opened until used.</summary>
    public DeliverabilityBotRuntime(DeliverabilityBotOptions options)
    {
        Options = options;
        // The embedded set's examples were run by the test suite before it shipped; a folder on disk is checked as it loads.
        var checkExamples = options.CheckRuleExamples ?? !RuleSources.ResolvesToEmbedded(options.RulesDirectory);
        _rules = new(() => RuleSetLoader.Load(RuleSources.Resolve(options.RulesDirectory), checkExamples ? RuleLoadOptions.Default : RuleLoadOptions.WithoutExampleChecks));
        _receivers = new(() => ReceiverRegistryBuilder.Load(RuleSources.Resolve(options.RulesDirectory)));
        _startupDiagnosisRules = new(() => DiagnosisRuleLoader.Load(options.RulesDirectory));
        // Read without checking ids, so 'why' needs no classification rules loaded; CheckedConfig() checks them for the authoring commands.
        _config = new(() => DeploymentConfigFile.Read(options.DeploymentConfigFile, knownRuleIds: null));
        _classifier = new(() => CreateClassifier(_rules.Value));
        _diagnosis = new(() => new DiagnosisRuleSet(_startupDiagnosisRules.Value, CompileEngine(_startupDiagnosisRules.Value)));
        _active = new(() => new HotRuleSet(_rules.Value, set => new CachingBounceClassifier(CreateClassifier(set)),
            initialClassifier: new CachingBounceClassifier(_classifier.Value), initialDiagnosis: _diagnosis, compileDiagnosis: CompileEngine));
        _mta = new(() => DeliverabilityBot.Rules.Mta.MtaThrottleLoader.Load(options.RulesDirectory));
        _store = new(() => HistoryStores.Open(new StoreOptions
        {
            DataDirectory = DataFolder.Resolve(options.DataDirectory),
            ConnectionString = StoreConnection.Resolve(options.StoreConnectionString),
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

    /// <summary>The classification rules at start-up (clean files only).</summary>
    /// <exception cref="DirectoryNotFoundException">The rules folder does not exist.</exception>
    public LoadedRuleSet Rules => _rules.Value;

    /// <summary>
    /// The receivers and filters the rule files declare: the loaded set's registry once the classification rules are
    /// loaded, else read from the files' receiver and filter blocks alone (so <c>why</c> compiles no classification rule).
    /// </summary>
    public Core.Vocabulary.IReceiverRegistry Receivers => _rules.IsValueCreated ? _rules.Value.Receivers : _receivers.Value;

    /// <summary>The stage-2 diagnosis rules in service (clean files only): the start-up ones, or the last hot reload's.</summary>
    public LoadedDiagnosisRules DiagnosisRules => Diagnosis.Rules;

    /// <summary>The deployment config (<see cref="DeliverabilityBotOptions.DeploymentConfigFile"/>), or null when none is used or it cannot be read.</summary>
    public DeploymentConfig? Config => _config.Value.Config;

    /// <summary>
    /// The deployment config read again with its override ids checked against both rule sets (DBR0302 for an id no
    /// rule has), for the authoring commands (<c>rules validate</c>, <c>lint</c>, <c>test</c>); null as <see cref="Config"/>.
    /// </summary>
    public DeploymentConfig? CheckedConfig() => Options.DeploymentConfigFile is null ? null
        : DeploymentConfigFile.Read(Options.DeploymentConfigFile, Rules.Rules.Select(r => r.Id).Concat(_startupDiagnosisRules.Value.Rules.Select(r => r.Id))).Config;

    /// <summary>Why the deployment config could not be read, or null.</summary>
    public string? ConfigProblem => _config.Value.Problem;

    /// <summary>The deployment's severity overrides by rule id, or null without a config.</summary>
    public IReadOnlyDictionary<string, RuleSeverity>? Severities => Config?.RuleSeverities;

    /// <summary>Errors and warnings of both rule sets, for a start-up report.</summary>
    public IEnumerable<RuleDiagnostic> RuleDiagnostics => Rules.Diagnostics.Concat(DiagnosisRules.Diagnostics);

    /// <summary>The stage-1 classifier of the start-up rules, with the deployment's severity overrides.</summary>
    public NRulesBounceClassifier Classifier => _classifier.Value;

    /// <summary>The rule set in service, replaced atomically by a hot reload (the server watches the rules folder).</summary>
    public HotRuleSet ActiveRules => _active.Value;

    /// <summary>The stage-2 engine in service, with the deployment's overrides (a rule set to <c>none</c> never fires).</summary>
    public DiagnosisEngine Engine => Diagnosis.Engine;

    /// <summary>The store (opened, created and migrated on first use).</summary>
    /// <exception cref="StoreException">The data folder or database cannot be used.</exception>
    public IHistoryStore Store => _store.Value;

    /// <summary>The deployment's sending IPs and streams (<see cref="DeliverabilityBotOptions.MtaConfigDirectories"/>, the deployment config), or null.</summary>
    /// <exception cref="MtaConfigException">A configuration file is missing or malformed.</exception>
    public SendingMap? Sending => _sending.Value.Map;

    /// <summary>What reading the sending configuration noticed (a syslog name shared by transports with different addresses, ...).</summary>
    public IReadOnlyList<string> SendingWarnings => _sending.Value.Warnings;

    /// <summary>
    /// A classifier over <paramref name="rules"/> with the deployment's severity overrides: how every host compiles a
    /// rule set (the start-up set, each hot reload, the fixtures of <c>rules test</c>).
    /// </summary>
    public NRulesBounceClassifier CreateClassifier(LoadedRuleSet rules) => new(rules, Severities);

    /// <summary>A new ingest service over the store and a caching classifier.</summary>
    /// <exception cref="MtaConfigException">The sending configuration is missing or malformed.</exception>
    public IngestService CreateIngest() => CreateIngest(Sending);

    /// <summary>A new ingest service over the store and a caching classifier, with the given sending IPs (the demo's own MTA).</summary>
    public IngestService CreateIngest(SendingMap? sending) => new(Store, new SummaryClassifier(ActiveRules.Classifier), sending, ActiveRules.Active.Rules.Timeouts);

    /// <summary>The why service over the diagnosis rules in service.</summary>
    public WhyService Why => new(Store, Engine, MtaThrottles);

    /// <summary>What to change in the MTA per receiver and diagnosis (<c>rules/mta/*.yaml</c>; files with problems left out).</summary>
    public DeliverabilityBot.Rules.Mta.MtaThrottleSet MtaThrottles => _mta.Value;

    /// <summary>A new alert detector over the store and the diagnosis engine (evaluations are serialised per detector).</summary>
    public Alerts.AlertDetector CreateAlertDetector(Alerts.AlertOptions options, TimeProvider? clock = null) => new(Why, Store, options, clock, MtaThrottles.Changes);

    /// <summary>The stats service.</summary>
    public StatsService Stats => new(Store);

    /// <summary>Deferral and bounce rates over time, for charts.</summary>
    public TimelineService Timeline => new(Store);

    /// <summary>Recipients safe to suppress, decided from the store.</summary>
    public DeliverabilityBot.Application.Suppression.SuppressionService Suppression => new(Store, Why);

    // Before the hot set exists (why, stats from the CLI) the start-up rules serve without compiling the classifier.
    private DiagnosisRuleSet Diagnosis => _active.IsValueCreated ? _active.Value.Active.Diagnosis ?? _diagnosis.Value : _diagnosis.Value;

    // The rule catalog keeps every rule; the engine leaves out those the deployment set to none.
    private DiagnosisEngine CompileEngine(LoadedDiagnosisRules rules) =>
        new(Severities is { } severities ? rules.Rules.Where(r => !IsOff(severities, r.Id)).ToList() : rules.Rules, Receivers);

    private static bool IsOff(IReadOnlyDictionary<string, RuleSeverity> severities, string id) =>
        severities.TryGetValue(id, out var s) && s == RuleSeverity.None;
}
