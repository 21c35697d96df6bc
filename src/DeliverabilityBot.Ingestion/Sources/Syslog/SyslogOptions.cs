namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>How the syslog listener receives, and the limits that keep its memory bounded.</summary>
public sealed record SyslogOptions
{
    /// <summary>Where to listen (<see cref="SyslogEndpoint.Parse"/>): <c>udp://127.0.0.1:5514</c>, <c>tls://0.0.0.0:6514</c>.</summary>
    public IReadOnlyList<string> Listen { get; init; } = [];

    /// <summary>
    /// Longer messages are dropped and counted (<see cref="SyslogCounters.Oversized"/>). RFC 5425 asks receivers to
    /// take 8,192 bytes; Postfix lines with long replies stay well under the default.
    /// </summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// Messages received and not yet parsed, at most. When it is full a UDP message is dropped and counted
    /// (<see cref="SyslogCounters.Dropped"/>); a TCP or TLS connection is not read until there is room, so the sender's
    /// own queue holds its messages. With the default maximum size the queue holds 64 MB at worst.
    /// </summary>
    public int QueueCapacity { get; init; } = 4096;

    /// <summary>TCP and TLS connections at once, at most; more are closed as they come (<see cref="SyslogCounters.Refused"/>).</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>A connection that sends nothing for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The TLS handshake must end within this.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The TLS certificate: a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) or a PEM certificate; needed by a <c>tls://</c> listener.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PEM private key, when it is not in <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; init; }

    /// <summary>The PKCS#12 file's password.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>Events per chunk at most (a chunk is also handed over whenever the queue is empty).</summary>
    public int ChunkEvents { get; init; } = 512;

    /// <summary>Hosts whose per-queue-id state is kept apart, at most; messages from more hosts share one state.</summary>
    public int MaxHosts { get; init; } = 256;
}
