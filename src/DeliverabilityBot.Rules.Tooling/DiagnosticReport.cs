using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Tooling;

/// <summary>Prints diagnostics for people (compiler format plus a summary) or as SARIF, and gives the exit code.</summary>
public static class DiagnosticReport
{
    /// <summary>Writes the report; returns 1 when any diagnostic is an error, else 0.</summary>
    public static int Write(string format, string toolName, IReadOnlyList<RuleDiagnostic> diagnostics, TextWriter output, string summary)
    {
        var shown = diagnostics.Where(d => d.Level != DiagnosticLevel.None).ToList();
        if (format == "sarif")
        {
            using var buffer = new MemoryStream();
            SarifWriter.Write(buffer, toolName, shown);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            foreach (var d in shown) output.WriteLine(d);
            var errors = shown.Count(d => d.IsError);
            var warnings = shown.Count(d => d.Level == DiagnosticLevel.Warning);
            output.WriteLine($"{summary}: {errors} error(s), {warnings} warning(s)");
        }
        return shown.Any(d => d.IsError) ? 1 : 0;
    }
}
