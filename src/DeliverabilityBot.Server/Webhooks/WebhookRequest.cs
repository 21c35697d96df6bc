using System.Net;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>What a provider's check sees of one webhook request: the exact body bytes (signatures cover them) and the headers.</summary>
/// <param name="Body">The raw body, as received.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="ContentType">The <c>Content-Type</c> header, when given.</param>
/// <param name="RemoteIp">The caller's address (after any forwarded-headers handling the host applies).</param>
/// <param name="Now">The server's clock when the request arrived.</param>
public sealed record WebhookRequest(byte[] Body, IHeaderDictionary Headers, string? ContentType, IPAddress? RemoteIp, DateTimeOffset Now)
{
    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
}
