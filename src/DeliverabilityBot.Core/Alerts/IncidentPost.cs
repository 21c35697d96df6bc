namespace DeliverabilityBot.Core.Alerts;

/// <summary>
/// Where an incident was posted: one message (the headline, edited in place) per channel target, and its thread.
/// Stored, so a restart edits the same message and replies in the same thread.
/// </summary>
public sealed record IncidentPost
{
    /// <summary>The incident.</summary>
    public required long IncidentId { get; init; }

    /// <summary><c>slack</c> or <c>teams</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The Slack channel id, or the Teams serviceUrl and channel conversation id.</summary>
    public required string Target { get; init; }

    /// <summary>The headline message (Slack ts, Teams activity id).</summary>
    public string? MessageId { get; init; }

    /// <summary>The thread replies go to (Slack: the headline ts; Teams: the thread's conversation id).</summary>
    public string? ThreadId { get; init; }

    /// <summary>The headline text last sent, so an unchanged headline is not edited again.</summary>
    public string? LastHeadline { get; init; }

    /// <summary>When the headline was last edited (wall clock), for the edit rate limit.</summary>
    public DateTimeOffset? LastEditAt { get; init; }

    /// <summary>The signal rate the last thread reply reported, so only a material change gets another.</summary>
    public double LastReportedRate { get; init; }

    /// <summary>Thread replies posted.</summary>
    public int Replies { get; init; }

    /// <summary>The resolved message was posted.</summary>
    public bool ResolvedPosted { get; init; }
}
