namespace DeliverabilityBot.Core.Diagnosis;

/// <summary>Counts for a window, broken down several ways.</summary>
public sealed class StatsReport
{
    /// <summary>
    /// The row key for attempts or messages whose log did not record the breakdown's value (no sending IP, sender
    /// domain or stream): a gap the reader fills in, never an IP, domain or stream to act on.
    /// </summary>
    public const string NotRecorded = "(not recorded)";

    /// <summary>True when <paramref name="key"/> is a recorded value, not empty and not <see cref="NotRecorded"/>.</summary>
    public static bool IsRecorded(string key) => key.Length > 0 && !string.Equals(key, NotRecorded, StringComparison.Ordinal);

    /// <summary>The receiver filter, or null for all.</summary>
    public string? Receiver { get; init; }

    /// <summary>The window the numbers cover.</summary>
    public required TimeWindow Window { get; init; }

    /// <summary>Messages first seen in the window, by outcome.</summary>
    public MessageCounts Messages { get; init; } = MessageCounts.None;

    /// <summary>Totals over the window.</summary>
    public required StatsRow Total { get; init; }

    /// <summary>By receiver.</summary>
    public IReadOnlyList<StatsRow> ByReceiver { get; init; } = [];

    /// <summary>By reason (failed and deferred only).</summary>
    public IReadOnlyList<StatsRow> ByReason { get; init; } = [];

    /// <summary>By sending IP.</summary>
    public IReadOnlyList<StatsRow> BySendingIp { get; init; } = [];

    /// <summary>By envelope sender domain.</summary>
    public IReadOnlyList<StatsRow> BySenderDomain { get; init; } = [];

    /// <summary>By sending stream (transactional, marketing, ...): messages only, attempts are not split by stream.</summary>
    public IReadOnlyList<StatsRow> ByStream { get; init; } = [];

    /// <summary>By hour (key is ISO hour, UTC).</summary>
    public IReadOnlyList<StatsRow> ByHour { get; init; } = [];
}

/// <summary>One breakdown row: attempts by outcome, and the row's messages where the breakdown has them (receiver, sending IP).</summary>
public sealed record StatsRow(string Key, long Attempts, long Delivered, long Deferred, long Bounced, MessageCounts? Messages = null);
