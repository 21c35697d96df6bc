using System.Net;
using System.Net.Sockets;

namespace DeliverabilityBot.Checks.Blocklists;

/// <summary>
/// A DNS blocklist: its zone, what it lists, its documented return codes with their meaning, the entry it must always
/// list (RFC 5782 section 5, used to tell a list that answers from one that is silently refusing us), and its pages.
/// </summary>
public sealed record DnsBlocklist
{
    /// <summary>The zone queried, e.g. <c>zen.spamhaus.org</c>.</summary>
    public required string Zone { get; init; }

    /// <summary>The list's name for people ("Spamhaus ZEN").</summary>
    public required string Name { get; init; }

    /// <summary>What it lists.</summary>
    public required BlocklistTarget Target { get; init; }

    /// <summary>Documented answers; an answer in 127.0.0.0/8 not among them is read as a listing of unknown kind.</summary>
    public IReadOnlyList<ReturnCode> Codes { get; init; } = [];

    /// <summary>Error answers by prefix (Spamhaus: 127.255.255.0/24 are errors about the query, never a listing).</summary>
    public string? ErrorPrefix { get; init; }

    /// <summary>The entry the list always answers as listed: <c>127.0.0.2</c> for IP lists, a test domain for domain lists.</summary>
    public string? TestEntry { get; init; }

    /// <summary>Whether IPv6 addresses are listed (queried as nibbles, RFC 5782 section 2.4).</summary>
    public bool ListsIpv6 { get; init; }

    /// <summary>The operator's page documenting the return codes.</summary>
    public required string Source { get; init; }

    /// <summary>The operator's lookup or removal page; <c>{0}</c> is replaced with the IP or domain.</summary>
    public string? LookupUrl { get; init; }

    /// <summary>What to know when querying it (registration, public resolvers refused).</summary>
    public string? Note { get; init; }

    /// <summary>The name to query for <paramref name="subject"/>, or null when this list does not list its kind.</summary>
    public string? QueryName(string subject)
    {
        if (Target == BlocklistTarget.Domain) return Dns.IpText.IsIp(subject) ? null : $"{subject}.{Zone}";
        if (!Dns.IpText.TryParse(subject, out var ip)) return null;
        if (ip.AddressFamily == AddressFamily.InterNetwork) return string.Join('.', ip.GetAddressBytes().Reverse()) + "." + Zone;
        if (!ListsIpv6) return null;
        var nibbles = ip.GetAddressBytes().SelectMany(b => new[] { b >> 4, b & 0xF }).Reverse().Select(n => n.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        return string.Join('.', nibbles) + "." + Zone;
    }

    /// <summary>The lookup page for <paramref name="subject"/>, when the list has one.</summary>
    public string? LookupFor(string subject) => LookupUrl is null ? null : LookupUrl.Replace("{0}", Uri.EscapeDataString(subject), StringComparison.Ordinal);

    /// <summary>What one answer means.</summary>
    public ReturnCode Interpret(IPAddress answer)
    {
        var text = answer.ToString();
        if (Codes.FirstOrDefault(c => c.Address == text) is { } known) return known;
        if (ErrorPrefix is not null && text.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            return new ReturnCode(text, "an error answer about the query itself, not a listing (undocumented code in the error range)", false);
        var bytes = answer.GetAddressBytes();
        if (answer.AddressFamily != AddressFamily.InterNetwork || bytes[0] != 127)
            return new ReturnCode(text, "an answer outside 127.0.0.0/8: the resolver rewrites missing names to an address (RFC 5782 section 2.1), so this list cannot be read through it", false);
        return new ReturnCode(text, "listed (a return code the list does not document)", true);
    }
}
