using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Server.Live;

/// <summary>The syslog listener's settings (<c>Live:Syslog</c>); defaults as <see cref="SyslogOptions"/>.</summary>
public sealed class LiveSyslogOptions
{
    private static readonly SyslogOptions Defaults = new();

    /// <summary>Addresses (<c>udp://127.0.0.1:5514</c>, <c>tcp://127.0.0.1:5514</c>, <c>tls://0.0.0.0:6514</c>); a port alone binds loopback.</summary>
    public List<string> Listen { get; set; } = [];

    /// <summary>See <see cref="SyslogOptions.MaxMessageBytes"/>.</summary>
    public int MaxMessageBytes { get; set; } = Defaults.MaxMessageBytes;

    /// <summary>See <see cref="SyslogOptions.QueueCapacity"/>.</summary>
    public int QueueCapacity { get; set; } = Defaults.QueueCapacity;

    /// <summary>See <see cref="SyslogOptions.MaxConnections"/>.</summary>
    public int MaxConnections { get; set; } = Defaults.MaxConnections;

    /// <summary>See <see cref="SyslogOptions.IdleTimeout"/>.</summary>
    public TimeSpan IdleTimeout { get; set; } = Defaults.IdleTimeout;

    /// <summary>The TLS certificate (<c>.pfx</c>/<c>.p12</c> or PEM), for <c>tls://</c>.</summary>
    public string? Certificate { get; set; }

    /// <summary>The PEM private key when it is not in <see cref="Certificate"/>.</summary>
    public string? CertificateKey { get; set; }

    /// <summary>The PKCS#12 password.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The listener's options.</summary>
    public SyslogOptions ToOptions() => new()
    {
        Listen = [.. Listen.Where(l => !string.IsNullOrWhiteSpace(l))],
        MaxMessageBytes = MaxMessageBytes,
        QueueCapacity = QueueCapacity,
        MaxConnections = MaxConnections,
        IdleTimeout = IdleTimeout,
        CertificatePath = Certificate,
        CertificateKeyPath = CertificateKey,
        CertificatePassword = CertificatePassword,
    };
}
