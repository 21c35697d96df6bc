using System.Net;

namespace DeliverabilityBot.Server.Access;

/// <summary>
/// Where Kestrel will listen, read from configuration before the host starts: <c>Kestrel:Endpoints:*:Url</c>
/// (which override the rest), else <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c> in appsettings.json),
/// else <c>http_ports</c>/<c>https_ports</c> (all interfaces), else Kestrel's default <c>http://localhost:5000</c>.
/// </summary>
public static class ListenAddresses
{
    /// <summary>The listen URLs as configured.</summary>
    public static IReadOnlyList<string> Read(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToList();
        if (endpoints.Count > 0) return endpoints;
        if (configuration["urls"] is { Length: > 0 } urls)
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = new[] { ("http", configuration["http_ports"]), ("https", configuration["https_ports"]) }
            .SelectMany(p => (p.Item2 ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => $"{p.Item1}://*:{port}"))
            .ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    /// <summary>The first URL that is reachable from other machines, or null when every one is loopback.</summary>
    public static string? FirstExposed(IEnumerable<string> urls) => urls.FirstOrDefault(u => !IsLoopback(u));

    /// <summary>
    /// True for <c>localhost</c> and loopback IP addresses; false for wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>,
    /// <c>[::]</c>), other names and addresses, and anything that does not parse (the safe answer).
    /// </summary>
    public static bool IsLoopback(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return false;
            host = authority[1..close];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
