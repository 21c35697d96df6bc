using System.Net;
using System.Net.Sockets;

namespace DeliverabilityBot.Server.Access;

/// <summary>
/// Finds a listen address another process already holds, before Kestrel tries it: Kestrel's own failure comes as
/// a logged stack trace, and the operator needs one line saying which address is taken.
/// </summary>
public static class PortProbe
{
    /// <summary>The first of <paramref name="urls"/> whose port is taken, or null. Port 0 and unparsed URLs are skipped.</summary>
    public static string? FirstBusy(IEnumerable<string> urls) => urls.FirstOrDefault(IsBusy);

    private static bool IsBusy(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Port <= 0)
        {
            return false;
        }

        var address = uri.IsLoopback ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Any;
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, uri.Port));
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false; // not ours to judge (no such interface, no permission): Kestrel reports it
        }
    }
}
