using System.Net;
using System.Net.Sockets;

namespace DeliverabilityBot.Ingestion.Sending;

/// <summary>
/// Where mail leaves from, as a configuration says: the IPv4 and IPv6 source addresses (Postfix
/// <c>smtp_bind_address</c> / <c>smtp_bind_address6</c>) and the stream it belongs to; any part may be unknown.
/// </summary>
/// <param name="Ip">The IPv4 (or only) source address, or null.</param>
/// <param name="Ip6">The IPv6 source address, or null.</param>
/// <param name="Stream">The mail stream (<c>transactional</c>, <c>marketing</c>, ...), or null.</param>
/// <param name="Origin">Where this was configured (<c>main.cf(12)</c>, <c>dbot.config(4)</c>), for messages.</param>
public sealed record SendingRoute(string? Ip, string? Ip6, string? Stream, string Origin)
{
    /// <summary>True when the route says nothing.</summary>
    public bool IsEmpty => Ip is null && Ip6 is null && Stream is null;

    /// <summary>
    /// The source address used to reach <paramref name="remoteIp"/>: the IPv6 one for an IPv6 peer, else the IPv4 one;
    /// with only one configured and the peer's family unknown, that one.
    /// </summary>
    public string? IpFor(string? remoteIp)
    {
        if (Ip is null || Ip6 is null) return Ip ?? (remoteIp is null || IsV6(remoteIp) ? Ip6 : null);
        return remoteIp is not null && IsV6(remoteIp) ? Ip6 : Ip;
    }

    /// <summary>This route with the parts it lacks taken from <paramref name="fallback"/>.</summary>
    public SendingRoute Or(SendingRoute? fallback) => fallback is null ? this
        : new(Ip ?? fallback.Ip, Ip6 ?? fallback.Ip6, Stream ?? fallback.Stream, Origin);

    private static bool IsV6(string ip) => ip.Contains(':') && IPAddress.TryParse(ip, out var a) && a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv4MappedToIPv6;
}
