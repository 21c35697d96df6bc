namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>What the syslog listener received and what it had to drop; read from any thread.</summary>
public sealed class SyslogCounters
{
    private long _received;
    private long _dropped;
    private long _oversized;
    private long _refused;

    /// <summary>Messages taken into the queue.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>UDP messages dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages dropped because they were longer than <see cref="SyslogOptions.MaxMessageBytes"/>.</summary>
    public long Oversized => Interlocked.Read(ref _oversized);

    /// <summary>Connections closed on arrival because <see cref="SyslogOptions.MaxConnections"/> were open.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddOversized(long count = 1) => Interlocked.Add(ref _oversized, count);

    internal void AddRefused() => Interlocked.Increment(ref _refused);

    /// <inheritdoc />
    public override string ToString() => $"{Received} received, {Dropped} dropped (queue full), {Oversized} over the size limit, {Refused} connections refused";
}
