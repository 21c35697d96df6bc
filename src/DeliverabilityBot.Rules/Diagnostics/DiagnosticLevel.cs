namespace DeliverabilityBot.Rules.Diagnostics;

/// <summary>How serious a rule-file diagnostic is; errors fail the command and keep the file out of the engine.</summary>
public enum DiagnosticLevel
{
    /// <summary>Worth knowing; never fails a command.</summary>
    Info,

    /// <summary>Probably a mistake; the file still loads.</summary>
    Warning,

    /// <summary>The file (or fixture) is wrong; it is excluded and the command exits 1.</summary>
    Error,

    /// <summary>Turned off by a deployment's severity override.</summary>
    None,
}
