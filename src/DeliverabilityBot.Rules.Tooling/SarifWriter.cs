using System.Text.Encodings.Web;
using System.Text.Json;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Tooling;

/// <summary>
/// Writes diagnostics as SARIF 2.1.0 for code scanning: <c>tool.driver.rules</c> (id, name, shortDescription,
/// fullDescription, help, defaultConfiguration) and <c>results</c> (ruleId, ruleIndex, level, message,
/// physicalLocation with line and column). Under GitHub Actions, helpUri points at rules/DIAGNOSTICS.md of the commit.
/// </summary>
public static class SarifWriter
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes one run of the tool <paramref name="toolName"/> with <paramref name="diagnostics"/>.</summary>
    public static void Write(Stream output, string toolName, IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        var descriptors = diagnostics.Select(d => d.Descriptor).Distinct().OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var helpBase = HelpBase();
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", toolName);
        w.WriteString("version", typeof(SarifWriter).Assembly.GetName().Version?.ToString() ?? "1.0.0");
        w.WriteStartArray("rules");
        foreach (var d in descriptors)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("name", string.Concat(d.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => char.ToUpperInvariant(s[0]) + s[1..])).Replace("'", string.Empty));
            Text(w, "shortDescription", d.Title);
            Text(w, "fullDescription", d.Fix);
            Text(w, "help", $"{d.Fix} See {d.HelpUri}.");
            if (helpBase is not null) w.WriteString("helpUri", helpBase + d.HelpUri);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(d.DefaultLevel));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var d in diagnostics.Where(d => d.Level != DiagnosticLevel.None))
        {
            w.WriteStartObject();
            w.WriteString("ruleId", d.Id);
            w.WriteNumber("ruleIndex", descriptors.IndexOf(d.Descriptor));
            w.WriteString("level", Level(d.Level));
            Text(w, "message", d.Message);
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", d.Location.File.Replace('\\', '/'));
            w.WriteEndObject();
            if (d.Location.Line > 0)
            {
                w.WriteStartObject("region");
                w.WriteNumber("startLine", d.Location.Line);
                w.WriteNumber("startColumn", Math.Max(1, d.Location.Column));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>SARIF level of a diagnostic level.</summary>
    public static string Level(DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => "error",
        DiagnosticLevel.Warning => "warning",
        DiagnosticLevel.Info => "note",
        _ => "none",
    };

    private static void Text(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    // e.g. https://github.com/owner/repo/blob/<sha>/ ; only under GitHub Actions, where these are always set.
    private static string? HelpBase()
    {
        var server = Environment.GetEnvironmentVariable("GITHUB_SERVER_URL");
        var repo = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        var sha = Environment.GetEnvironmentVariable("GITHUB_SHA");
        return string.IsNullOrEmpty(server) || string.IsNullOrEmpty(repo) || string.IsNullOrEmpty(sha) ? null : $"{server}/{repo}/blob/{sha}/";
    }
}
