using System.Net;

namespace DeliverabilityBot.Server.Channels;

/// <summary>Whether a request came from this machine (the only place unauthenticated local mode is allowed).</summary>
public static class LoopbackRequests
{
    /// <summary>True only for a known loopback remote address; an unknown address is not loopback.</summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    /// <summary>Headers a proxy, tunnel or load balancer adds when it relays a request from elsewhere.</summary>
    public static readonly IReadOnlyList<string> ForwardingHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"];

    /// <summary>The first forwarding header on the request, or null when it came straight from its sender.</summary>
    public static string? ForwardingHeader(HttpContext context) =>
        ForwardingHeaders.FirstOrDefault(context.Request.Headers.ContainsKey);
}
