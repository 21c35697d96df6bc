using System.Net;
using System.Net.Sockets;

namespace DeliverabilityBot.Checks.Dns;

/// <summary>
/// Strict IP address text: four dotted decimal parts for IPv4 or an IPv6 address. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
/// alone also takes "203.0.113" (as 203.0.0.113) and "3405803783", which are typos here, never addresses.
/// </summary>
public static class IpText
{
    /// <summary>Parses <paramref name="text"/> as a dotted-quad IPv4 or an IPv6 address.</summary>
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text.Trim(), out var parsed)) return false;
        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Trim().Split('.').Length != 4) return false;
        address = parsed;
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a dotted-quad IPv4 or an IPv6 address.</summary>
    public static bool IsIp(string? text) => TryParse(text, out _);
}
