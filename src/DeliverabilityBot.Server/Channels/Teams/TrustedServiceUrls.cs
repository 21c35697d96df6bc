using System.Collections.Concurrent;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// serviceUrls seen on validated activities: the only hosts the bot's Connector token is sent to, so a
/// forged activity cannot make the bot leak its token to an attacker's server.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> urls = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a serviceUrl from a validated activity.</summary>
    public void Add(string serviceUrl) => urls.TryAdd(Normalize(serviceUrl), 0);

    /// <summary>True when the URL came from a validated activity.</summary>
    public bool Contains(string serviceUrl) => urls.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.TrimEnd('/');
}
