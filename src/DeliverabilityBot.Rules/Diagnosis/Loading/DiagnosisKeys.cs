namespace DeliverabilityBot.Rules.Diagnosis.Loading;

/// <summary>The keys a diagnosis rule file may use (anything else is DBR0004 with a suggestion).</summary>
internal static class DiagnosisKeys
{
    public static readonly IReadOnlySet<string> File = Set("family", "rules");

    public static readonly IReadOnlySet<string> Rule = Set(
        "id", "title", "message", "category", "severity", "priority", "helpUri", "references", "explanation", "actions", "examples",
        "scope", "signal", "when", "confidence", "confidentAt", "fallback", "causedBy");

    public static readonly IReadOnlySet<string> Signal = Set("actions", "receivers", "filters", "reasons", "categories", "rules", "exclude");

    public static readonly IReadOnlySet<string> Bounds = Set("min", "max");

    public static readonly IReadOnlySet<string> Scopes = Set("receiver", "sending-ip", "sender-domain", "stream");

    public static readonly IReadOnlySet<string> Actions = Set("failed", "delayed", "delivered");

    public static readonly IReadOnlySet<string> Severities = Set("error", "warning", "info");

    private static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}
