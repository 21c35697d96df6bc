namespace DeliverabilityBot.Conversation.State;

/// <summary>
/// What the bot remembers of a conversation between turns, so follow-ups work ("what should we do?", "and gmail?").
/// Only references (intent, receiver, time range as asked, rule, last pasted evidence), never answers: every
/// follow-up is answered afresh from the store.
/// </summary>
public sealed record ConversationState
{
    /// <summary>The last turn's intent.</summary>
    public string? Intent { get; init; }

    /// <summary>The receiver in focus, or null for all receivers.</summary>
    public string? Receiver { get; init; }

    /// <summary>The time range as asked (<see cref="Understanding.TimeRange.ToString"/>), or null for the default.</summary>
    public string? Range { get; init; }

    /// <summary>The rule in focus (asked about, or the primary rule of the last explained bounce).</summary>
    public string? RuleId { get; init; }

    /// <summary>The last pasted evidence or code explained, so "what should we do?" can refer to it.</summary>
    public string? Evidence { get; init; }

    /// <summary>Whether the subject is the pasted evidence (true) or a receiver's traffic (false).</summary>
    public bool SubjectIsEvidence { get; init; }

    /// <summary>How many turns the conversation has had.</summary>
    public int Turns { get; init; }

    /// <summary>When the last turn was answered.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The most evidence text remembered (longer pastes are cut).</summary>
    public const int MaxEvidenceLength = 16 * 1024;
}
