using DeliverabilityBot.Rules.Diagnosis.Model;
using DeliverabilityBot.Rules.Diagnostics;

namespace DeliverabilityBot.Rules.Diagnosis.Loading;

/// <summary>The diagnosis rules of every clean file, and every diagnostic.</summary>
public sealed class LoadedDiagnosisRules
{
    /// <summary>Rules of the files without errors, in load order.</summary>
    public required IReadOnlyList<DiagnosisRule> Rules { get; init; }

    /// <summary>Display paths of files excluded because of errors.</summary>
    public required IReadOnlyList<string> ExcludedFiles { get; init; }

    /// <summary>Every diagnostic, sorted by file, line, column.</summary>
    public required IReadOnlyList<RuleDiagnostic> Diagnostics { get; init; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
