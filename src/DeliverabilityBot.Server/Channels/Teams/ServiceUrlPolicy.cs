using Microsoft.Extensions.Options;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>
/// Where replies (and the bot's token) may go. With credentials: https to a host on <c>Teams:ServiceUrlHosts</c> (the
/// Bot Framework's documented service hosts by default), so a validly signed token naming another host cannot make
/// the bot send its token there. In local mode (no token at all): loopback only, the Emulator's own listener.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    /// <summary>Null when <paramref name="serviceUrl"/> may be used, else why not.</summary>
    public string? Refusal(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return "serviceUrl is not an absolute URL";
        var settings = options.Value;
        if (!settings.IsAuthenticated)
            return uri.IsLoopback ? null : $"local mode replies only to loopback serviceUrls, not {uri.Host}";
        if (uri.Scheme != Uri.UriSchemeHttps) return $"serviceUrl {uri.Host} is not https";
        return settings.EffectiveServiceUrlHosts.Any(h => Matches(h, uri.IdnHost))
            ? null
            : $"serviceUrl host {uri.Host} is not a Bot Framework service host (Teams:ServiceUrlHosts)";
    }

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}
