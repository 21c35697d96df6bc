namespace DeliverabilityBot.Core.Classification;

/// <summary>A rule's severity, Roslyn style; <see cref="None"/> turns a rule off in a deployment.</summary>
public enum RuleSeverity
{
    /// <summary>Informational.</summary>
    Info,

    /// <summary>Needs attention.</summary>
    Warning,

    /// <summary>Mail is being lost.</summary>
    Error,

    /// <summary>Disabled by configuration.</summary>
    None,
}
