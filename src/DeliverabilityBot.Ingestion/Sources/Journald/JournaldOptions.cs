namespace DeliverabilityBot.Ingestion.Sources.Journald;

/// <summary>Which journal entries to read, and with what.</summary>
public sealed record JournaldOptions
{
    /// <summary>The journalctl program (a path or a name on PATH).</summary>
    public string Command { get; init; } = "journalctl";

    /// <summary>Units to read (<c>journalctl -u</c>: <c>postfix.service</c>, <c>postfix@-.service</c>, <c>exim4.service</c>).</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>Syslog identifiers to read (<c>journalctl -t</c>: <c>postfix/smtp</c>, <c>exim</c>); none and no units: the whole journal.</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>Events per chunk at most (a chunk is also given whenever journalctl has nothing more for now).</summary>
    public int ChunkEvents { get; init; } = 512;

    /// <summary>
    /// On a restart, how much of the journal before the saved cursor is read again, without storing its events, so the
    /// per-queue-id state (sender, message id, pending deferrals) is what it was: a bounce after a restart still gets its
    /// sender domain. Zero: none.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Longer JSON lines are skipped (journald's own LineMax is 48 KB).</summary>
    public int MaxLineChars { get; init; } = 1024 * 1024;
}
