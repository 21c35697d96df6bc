using System.Net;

namespace DeliverabilityBot.Server.Channels;

/// <summary>Whether a request came from this machine (the only place unauthenticated local mode is allowed).</summary>
public static class LoopbackRequests
{
    /// <summary>True only for a known loopback remote address; an unknown address is not loopback.</summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
}
