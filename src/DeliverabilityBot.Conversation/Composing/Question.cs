using DeliverabilityBot.Conversation.Understanding;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>One turn's question with the conversation's context applied: what exactly to answer.</summary>
public sealed record Question
{
    /// <summary>The intent to answer.</summary>
    public required string Intent { get; init; }

    /// <summary>The entities in effect (the message's own, completed from context).</summary>
    public required Entities Entities { get; init; }

    /// <summary>The time range as asked (or remembered, or the default).</summary>
    public required TimeRange Range { get; init; }

    /// <summary>The window the range means now (anchored to the newest data when the store's data is old).</summary>
    public required TimeWindow Window { get; init; }

    /// <summary>True when the window was anchored to the newest stored event rather than the clock.</summary>
    public bool AnchoredToData { get; init; }

    /// <summary>Pasted evidence (or a composed code such as <c>421 4.7.0</c>) to explain, when the subject is evidence.</summary>
    public string? Evidence { get; init; }

    /// <summary>True when the subject is <see cref="Evidence"/> rather than a receiver's traffic.</summary>
    public bool SubjectIsEvidence { get; init; }

    /// <summary>What the person wrote (markup removed), for "I did not understand" answers.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The receiver in focus, or null for all receivers.</summary>
    public string? Receiver => Entities.Receiver;

    /// <summary>The receivers the bot knows (from the rule files), to name them in answers.</summary>
    public ReceiverLexicon Receivers { get; init; } = ReceiverLexicon.Empty;

    /// <summary>"iCloud Mail (Apple)", "all receivers".</summary>
    public string ReceiverName => Receivers.DisplayName(Receiver);

    /// <summary>"in the last 24h", "today", "since monday", with the data anchor when there is one.</summary>
    public string RangeText => (Range.Kind == TimeRangeKind.Last ? "in the " + Range : Range.ToString())
        + (AnchoredToData ? $" (up to the newest data, {Numbers.Time(Window.To)})" : string.Empty);
}
