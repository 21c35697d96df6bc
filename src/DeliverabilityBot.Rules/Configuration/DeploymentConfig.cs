using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Classification;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Configuration;

/// <summary>
/// Per-deployment severity overrides, Roslyn style (<c>dotnet_diagnostic.&lt;id&gt;.severity</c>): a <c>dbot.config</c>
/// file with lines <c>rule.&lt;ID&gt;.severity = error|warning|info|none</c>. A bounce rule id (ICL1001) changes the
/// severity of its findings (<c>none</c> turns the rule off); a tooling id (DBR0104) changes the level of that
/// diagnostic. Comments start with <c>#</c> or <c>;</c>. Every malformed line is itself a diagnostic (DBR0301).
/// Lines starting <c>sending.</c> (our sending IPs and streams) belong to the ingestion, which reads and checks them.
/// </summary>
public sealed partial class DeploymentConfig
{
    /// <summary>The default file name, looked up in the current folder.</summary>
    public const string FileName = "dbot.config";

    /// <summary>The prefix of the sending lines, read by the ingestion (<c>SendingConfigParser</c>), not here.</summary>
    public const string SendingPrefix = "sending.";

    /// <summary>Overrides for bounce rules, by id.</summary>
    public Dictionary<string, RuleSeverity> RuleSeverities { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Overrides for tooling diagnostics (DBR ids).</summary>
    public Dictionary<string, DiagnosticLevel> DiagnosticLevels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Problems found in the file.</summary>
    public List<RuleDiagnostic> Diagnostics { get; } = [];

    /// <summary>Parses <paramref name="text"/> of the file shown as <paramref name="path"/>; <paramref name="knownRuleIds"/> flags overrides for ids no rule has.</summary>
    public static DeploymentConfig Parse(string path, string text, IEnumerable<string> knownRuleIds)
    {
        var config = new DeploymentConfig();
        var bag = new DiagnosticBag();
        var known = knownRuleIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';') continue;
            if (trimmed.StartsWith(SendingPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            var at = new SourceLocation(path, i + 1, line.Length - line.TrimStart().Length + 1);
            var m = Entry().Match(trimmed);
            if (!m.Success)
            {
                bag.Report(DiagnosticCatalog.InvalidOverride, at, $"'{Shorten(trimmed)}' is not 'rule.<ID>.severity = error|warning|info|none'");
                continue;
            }
            var id = m.Groups["id"].Value.ToUpperInvariant();
            var value = m.Groups["value"].Value.ToLowerInvariant();
            if (value is not ("error" or "warning" or "info" or "none"))
            {
                var valueAt = at with { Column = at.Column + m.Groups["value"].Index };
                bag.Report(DiagnosticCatalog.InvalidOverride, valueAt, $"severity '{m.Groups["value"].Value}' for {id} must be error, warning, info or none");
                continue;
            }
            if (DiagnosticCatalog.Find(id) is not null) config.DiagnosticLevels[id] = Enum.Parse<DiagnosticLevel>(value, true);
            else
            {
                if (!known.Contains(id)) bag.Report(DiagnosticCatalog.OverrideUnknownId, at, $"no rule has the id '{id}'; the override has no effect");
                config.RuleSeverities[id] = Enum.Parse<RuleSeverity>(value, true);
            }
        }
        config.Diagnostics.AddRange(bag.Items);
        return config;
    }

    /// <summary>Re-levels diagnostics by the DBR overrides; <c>none</c> drops them.</summary>
    public IEnumerable<RuleDiagnostic> Apply(IEnumerable<RuleDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (!DiagnosticLevels.TryGetValue(d.Id, out var level)) yield return d;
            else if (level != DiagnosticLevel.None) yield return d with { Level = level };
        }
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "..." : s;

    [GeneratedRegex(@"^rule\.(?<id>[A-Za-z]{2,5}[0-9]{4})\.severity\s*=\s*(?<value>\S+)\s*(?:[#;].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Entry();
}
