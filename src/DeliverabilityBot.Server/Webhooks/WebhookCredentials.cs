using System.Net;
using System.Text;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>
/// The credentials the providers without a signature send (Postmark, SparkPost, Brevo): HTTP Basic (often written into
/// the webhook URL as <c>https://user:password@host/...</c>, which the provider sends as the header), a bearer token,
/// an allow-list of the provider's networks. Compared in constant time.
/// </summary>
internal static class WebhookCredentials
{
    /// <summary>True when <paramref name="authorization"/> is <c>Basic</c> with exactly this user and password.</summary>
    public static bool IsBasic(string? authorization, string user, string password)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        string given;
        try { given = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim())); }
        catch (FormatException) { return false; }
        return WebhookChecks.SameText(given, user + ":" + password);
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer</c> with exactly this token.</summary>
    public static bool IsBearer(string? authorization, string token) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && WebhookChecks.SameText(authorization[7..].Trim(), token);

    /// <summary>The networks of a setting (CIDR, or one address), or the startup error naming it.</summary>
    public static IReadOnlyList<IPNetwork> Networks(IEnumerable<string> values, string section, string setting)
    {
        var networks = new List<IPNetwork>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var text = value.Trim();
            if (IPNetwork.TryParse(text, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(text, out var address)) networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw WebhookSettings.Wrong(section, setting, $"holds '{text}', which is neither an address nor a network in CIDR form (1.179.112.0/20)");
        }
        return networks;
    }

    /// <summary>True when <paramref name="remote"/> is in one of <paramref name="networks"/> (an IPv4 caller mapped to IPv6 counts as IPv4).</summary>
    public static bool IsFrom(IPAddress? remote, IReadOnlyList<IPNetwork> networks)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return networks.Any(n => n.Contains(remote));
    }
}
