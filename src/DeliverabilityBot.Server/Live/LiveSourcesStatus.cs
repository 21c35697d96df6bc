using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Server.Live;

/// <summary>What the server's live sources are doing now: the syslog listener's bound addresses and counters.</summary>
public sealed class LiveSourcesStatus
{
    /// <summary>The syslog listener of the current run, null while none is configured or started.</summary>
    public SyslogSource? Syslog { get; internal set; }
}
