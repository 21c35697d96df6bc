using System.Globalization;
using System.Net;

namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>A syslog listener's address: <c>udp://127.0.0.1:5514</c>, <c>tcp://[::1]:6514</c>, <c>tls://0.0.0.0:6514</c>.</summary>
/// <param name="Transport">UDP, TCP or TLS.</param>
/// <param name="Address">The local address and port (port 0: any free port, see <see cref="SyslogSource.Bound"/>).</param>
public sealed record SyslogEndpoint(SyslogTransport Transport, IPEndPoint Address)
{
    /// <summary>
    /// Reads <c>SCHEME://HOST:PORT</c>. Without a host (<c>udp://:5514</c>, <c>udp://5514</c>) the listener binds to
    /// loopback only: listening on the network must be written out (<c>0.0.0.0</c>, <c>[::]</c>). Without a scheme
    /// (<c>127.0.0.1:5514</c>, <c>5514</c>) it means UDP and TCP on the same port.
    /// </summary>
    /// <exception cref="FormatException">Not an address of that form.</exception>
    public static IReadOnlyList<SyslogEndpoint> Parse(string text)
    {
        var value = text.Trim();
        SyslogTransport[] transports = [SyslogTransport.Udp, SyslogTransport.Tcp];
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            transports = [value[..scheme].ToLowerInvariant() switch
            {
                "udp" => SyslogTransport.Udp,
                "tcp" => SyslogTransport.Tcp,
                "tls" => SyslogTransport.Tls,
                var other => throw new FormatException($"syslog address '{text}': unknown transport '{other}' (udp, tcp or tls)"),
            }];
            value = value[(scheme + 3)..];
        }
        var address = IPAddress.Loopback;
        var colon = value.LastIndexOf(':');
        var portText = value;
        if (colon >= 0)
        {
            var host = value[..colon].Trim('[', ']');
            portText = value[(colon + 1)..];
            if (host.Length > 0)
            {
                if (host == "localhost") address = IPAddress.Loopback;
                else if (!IPAddress.TryParse(host, out address!)) throw new FormatException($"syslog address '{text}': '{host}' is not an IP address");
            }
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new FormatException($"syslog address '{text}': '{portText}' is not a port");
        return [.. transports.Select(t => new SyslogEndpoint(t, new IPEndPoint(address, port)))];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Transport.ToString().ToLowerInvariant()}://{Address}";
}
