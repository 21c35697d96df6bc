namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>How a syslog listener receives.</summary>
public enum SyslogTransport
{
    /// <summary>UDP, one message per datagram (RFC 5426).</summary>
    Udp,

    /// <summary>Plain TCP, octet-counted or LF-delimited frames (RFC 6587).</summary>
    Tcp,

    /// <summary>TCP with TLS, octet-counted frames (RFC 5425; LF-delimited frames are accepted too).</summary>
    Tls,
}
