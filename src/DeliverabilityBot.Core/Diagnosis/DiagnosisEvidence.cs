namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>The numbers and sample bounces behind a diagnosis.</summary>
public sealed class DiagnosisEvidence
{
    /// <summary>Named figures, e.g. <c>("deferral rate", "31% (620 of 2,000 attempts)")</c>.</summary>
    public IReadOnlyList<EvidenceFigure> Figures { get; init; } = [];

    /// <summary>A few example replies, newest first.</summary>
    public IReadOnlyList<EvidenceExample> Examples { get; init; } = [];

    /// <summary>First time the pattern was seen in the window, when known.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Last time the pattern was seen in the window, when known.</summary>
    public DateTimeOffset? LastSeen { get; init; }
}

/// <summary>A named number.</summary>
public sealed record EvidenceFigure(string Label, string Value);

/// <summary>One example bounce.</summary>
public sealed record EvidenceExample(DateTimeOffset? Timestamp, string? Recipient, string? RemoteHost, string? SendingIp, string Reply, IReadOnlyList<string> RuleIds);
