namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>The answer to "why is RECEIVER deferring us?": totals for the window and ranked diagnoses.</summary>
public sealed class WhyReport
{
    /// <summary>The receiver asked about, or null for all receivers.</summary>
    public string? Receiver { get; init; }

    /// <summary>The window the numbers cover.</summary>
    public required TimeWindow Window { get; init; }

    /// <summary>Messages (one per recipient of a queued message) first seen in the window, by outcome: the headline's denominator.</summary>
    public MessageCounts Messages { get; init; } = MessageCounts.None;

    /// <summary>Delivery attempts in the window.</summary>
    public long Attempts { get; init; }

    /// <summary>Delivered attempts.</summary>
    public long Delivered { get; init; }

    /// <summary>Deferred attempts.</summary>
    public long Deferred { get; init; }

    /// <summary>Bounced (failed) attempts.</summary>
    public long Bounced { get; init; }

    /// <summary>Diagnoses, best first; empty only when there is no data.</summary>
    public IReadOnlyList<Diagnosis> Diagnoses { get; init; } = [];
}
