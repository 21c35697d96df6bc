namespace DeliverabilityBot.Rules.Diagnostics;

/// <summary>One reported problem in a rule file, fixture or configuration, at a position.</summary>
/// <param name="Descriptor">What kind of problem.</param>
/// <param name="Level">The effective level (after overrides).</param>
/// <param name="Location">Where.</param>
/// <param name="Message">The specific message.</param>
public sealed record RuleDiagnostic(DiagnosticDescriptor Descriptor, DiagnosticLevel Level, SourceLocation Location, string Message)
{
    /// <summary>The diagnostic id, e.g. <c>DBR0004</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>True for errors.</summary>
    public bool IsError => Level == DiagnosticLevel.Error;

    /// <summary>Compiler format: <c>path(line,col): error DBR0004: message</c>.</summary>
    public override string ToString() => $"{Location}: {Level.ToString().ToLowerInvariant()} {Id}: {Message}";
}
