namespace DeliverabilityBot.Rules.Loading;

/// <summary>The keys each mapping of a rule file may hold (rules/README.md is the source of truth).</summary>
public static class RuleKeys
{
    /// <summary>Top-level keys.</summary>
    public static readonly IReadOnlySet<string> File = Set("family", "scope", "receiver", "filter", "defaults", "sharedActions", "exampleDefaults", "patterns", "rules");
    /// <summary>Keys of the file's receiver block.</summary>
    public static readonly IReadOnlySet<string> ReceiverBlock = Set("id", "displayName", "names", "typos", "fuzzy", "domains", "hosts", "markers", "contacts");
    /// <summary>Keys of the file's filter block (a filter named in replies: no domains or hosts).</summary>
    public static readonly IReadOnlySet<string> FilterBlock = Set("id", "displayName", "names", "typos", "fuzzy", "markers", "contacts");
    /// <summary>Keys of a contact in a receiver or filter block.</summary>
    public static readonly IReadOnlySet<string> Contact = Set("kind", "url", "source", "confidence", "note");
    /// <summary>Keys of exampleDefaults.</summary>
    public static readonly IReadOnlySet<string> ExampleDefaults = Set("to", "remoteHost", "stage", "action", "kind", "format");
    /// <summary>Keys of an example written as a mapping.</summary>
    public static readonly IReadOnlySet<string> Example = Set("reply", "to", "remoteHost", "stage", "action", "kind", "format");
    /// <summary>Keys of a rule.</summary>
    public static readonly IReadOnlySet<string> Rule = Set(
        "id", "title", "message", "category", "severity", "priority", "helpUri", "references", "match", "reason",
        "receiver", "filter", "retryable", "hardBounce", "explanation", "actions", "examples", "counterExamples");
    /// <summary>Keys of the file's <c>defaults</c>: descriptor fields a rule inherits unless it sets them.</summary>
    public static readonly IReadOnlySet<string> Defaults = Set(
        "category", "severity", "priority", "helpUri", "references", "receiver", "filter", "retryable", "hardBounce");
    /// <summary>Keys of a reference.</summary>
    public static readonly IReadOnlySet<string> Reference = Set("url", "confidence");
    /// <summary>Condition leaves.</summary>
    public static readonly IReadOnlySet<string> Leaves = Set("receiver", "domain", "host", "code", "status", "contains", "regex", "stage", "action", "kind", "format");
    /// <summary>Condition keys: leaves and groups.</summary>
    public static readonly IReadOnlySet<string> Condition = Set([.. Leaves, "all", "any", "not"]);
    /// <summary>Scopes.</summary>
    public static readonly IReadOnlySet<string> Scopes = Set("receiver", "filter", "sender", "generic");
    /// <summary>Severities.</summary>
    public static readonly IReadOnlySet<string> Severities = Set("error", "warning", "info");

    private static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}
