namespace DeliverabilityBot.Rules.Loading;

/// <summary>Limits that keep hostile or accidental input (a huge or generated file) from hurting the host.</summary>
public sealed record RuleLoadOptions
{
    /// <summary>The defaults: 1 MiB per file, 200,000 YAML nodes, 64 levels of nesting.</summary>
    public static RuleLoadOptions Default { get; } = new();

    /// <summary>
    /// The defaults without running examples: for commands that only classify (<c>dbot explain</c>), and for the
    /// embedded set wherever it is loaded (<c>ingest</c>, <c>why</c>, <c>ask</c>, the server), whose examples ran before it shipped.
    /// Examples are checked where rules are authored and admitted: <c>dbot rules validate/lint/test</c>, the server's
    /// hot reload, and the test suite for the shipped set. Checking them costs a pass over every example at each start.
    /// </summary>
    public static RuleLoadOptions WithoutExampleChecks { get; } = new() { CheckExamples = false };

    /// <summary>Largest accepted rule file, in bytes.</summary>
    public int MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Most YAML parser events (nodes) in one file.</summary>
    public int MaxYamlEvents { get; init; } = 200_000;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxNesting { get; init; } = 64;

    /// <summary>Whether examples and counter-examples are run against their rules while loading.</summary>
    public bool CheckExamples { get; init; } = true;

    /// <summary>
    /// The receiver ids diagnosis rules may name (the registry the classification rules declared), or null to check
    /// only their form: diagnosis files are loaded on their own, so the caller that loaded both passes the registry.
    /// </summary>
    public IReadOnlySet<string>? KnownReceivers { get; init; }
}
