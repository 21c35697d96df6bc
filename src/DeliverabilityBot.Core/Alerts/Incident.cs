namespace DeliverabilityBot.Core.Alerts;

/// <summary>
/// One episode of one diagnosis in one scope (<c>icloud|receiver:icloud|DIAG1002</c>): opened when the detector first
/// sees the diagnosis above its scope's baseline, updated while it lasts, resolved when the rate is back to baseline.
/// Times are data times (the evidence's clock), so a replay of old logs opens and resolves at the times it happened.
/// </summary>
public sealed record Incident
{
    /// <summary>The store's id (0 before it is stored).</summary>
    public long Id { get; init; }

    /// <summary><c>receiver|scope|diagnosis</c>: at most one open incident per key.</summary>
    public required string Key { get; init; }

    /// <summary>The receiver (<c>icloud</c>), or <c>all</c> for a scope over every receiver.</summary>
    public required string Receiver { get; init; }

    /// <summary><c>receiver:icloud</c>, <c>ip:203.0.113.7</c>, <c>domain:example.com</c>, <c>stream:news</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>The diagnosis rule id (<c>DIAG1002</c>).</summary>
    public required string DiagnosisId { get; init; }

    /// <summary>Open or resolved.</summary>
    public IncidentState State { get; init; }

    /// <summary>The diagnosis title with the latest figures.</summary>
    public string Title { get; init; } = "";

    /// <summary>The diagnosis category (<c>reputation</c>, ...).</summary>
    public string Category { get; init; } = "";

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>: the diagnosis rule's severity.</summary>
    public string Severity { get; init; } = "warning";

    /// <summary>When the signal started (its first reply in the window that opened the incident).</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>The data time of the last evaluation that saw the diagnosis.</summary>
    public DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the rate returned to baseline; null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Since when the diagnosis has been absent (resolution waits out <c>ResolveAfter</c>); null while it fires.</summary>
    public DateTimeOffset? QuietSince { get; init; }

    /// <summary>The latest window's figures.</summary>
    public IncidentFigures Current { get; init; } = IncidentFigures.None;

    /// <summary>The worst window seen (highest signal rate).</summary>
    public IncidentFigures Peak { get; init; } = IncidentFigures.None;

    /// <summary>Over the whole incident, filled at resolution.</summary>
    public IncidentFigures? Totals { get; init; }

    /// <summary>
    /// The scope's signal rate over the baseline history when the incident opened (kept: later history holds the incident
    /// itself); <see cref="UnknownBaseline"/> when the scope had too little history to tell.
    /// </summary>
    public double BaselineRate { get; init; }

    /// <summary>The <see cref="BaselineRate"/> of a scope without enough history: not 0%, unknown.</summary>
    public const double UnknownBaseline = -1;

    /// <summary>Sending IPs that received the diagnosis' replies, busiest first.</summary>
    public IReadOnlyList<string> SendingIps { get; init; } = [];

    /// <summary>Streams of the affected messages, busiest first.</summary>
    public IReadOnlyList<string> Streams { get; init; } = [];

    /// <summary>The diagnosis rule and the classification rules behind it, and any consequence diagnosis seen with it.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The diagnosis' first actions.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>What to change in the MTA, one line per MTA (Postfix, KumoMTA, PowerMTA), when known for this receiver and diagnosis.</summary>
    public IReadOnlyList<string> MtaChanges { get; init; } = [];

    /// <summary>Who acknowledged it from the channel, when.</summary>
    public IncidentAcknowledgement? Acknowledged { get; init; }

    /// <summary>Posting is muted until then (wall clock).</summary>
    public DateTimeOffset? MutedUntil { get; init; }

    /// <summary>How long it lasted, in data time: to its resolution, or while open to the last evaluation that saw it.</summary>
    public TimeSpan Duration() => (ResolvedAt ?? LastSeenAt) - OpenedAt;
}

/// <summary>Open or resolved.</summary>
public enum IncidentState
{
    /// <summary>The diagnosis is above its scope's baseline.</summary>
    Open,

    /// <summary>The rate returned to baseline.</summary>
    Resolved,
}

/// <summary>Who acknowledged an incident and when.</summary>
/// <param name="By">The user (Slack user id or Teams name).</param>
/// <param name="At">Wall-clock time.</param>
public sealed record IncidentAcknowledgement(string By, DateTimeOffset At);
