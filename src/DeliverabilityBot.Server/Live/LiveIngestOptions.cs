namespace DeliverabilityBot.Server.Live;

/// <summary>The server's live sources (configuration section <c>Live</c>).</summary>
public sealed class LiveIngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Live";

    /// <summary>MTA logs to follow (<c>Live:Follow:0</c>, ...).</summary>
    public List<string> Follow { get; set; } = [];

    /// <summary>The syslog listener (<c>Live:Syslog</c>); off while it has no <see cref="LiveSyslogOptions.Listen"/> address.</summary>
    public LiveSyslogOptions Syslog { get; set; } = new();

    /// <summary>The journal (<c>Live:Journald</c>); off unless <see cref="LiveJournaldOptions.Enabled"/>.</summary>
    public LiveJournaldOptions Journald { get; set; } = new();

    /// <summary>How often a followed log is checked when it has nothing new.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The store's writer lock is let go after this long without new lines, so a <c>dbot ingest</c> gets its turn.</summary>
    public TimeSpan ReleaseWriterAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After a failure (the store unavailable, a log unreadable, journalctl gone), how long before the sources start again.</summary>
    public TimeSpan RestartAfter { get; set; } = TimeSpan.FromSeconds(10);
}
