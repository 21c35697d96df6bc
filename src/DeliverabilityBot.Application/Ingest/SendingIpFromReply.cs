using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// Our sending IP as a receiver quoted it, for logs that do not record it (Postfix). Only wordings that say the IP is
/// the connecting client are taken, never an IP the reply gives for its own host:
/// <list type="bullet">
/// <item>Gmail's bracketed client and session figure: <c>421-4.7.28 [203.0.113.25      12] Our system has detected ...</c>;</item>
/// <item>Microsoft: <c>messages from [ip] weren't sent</c> (S3150), <c>banned sending IP [ip]</c> (5.7.606),
/// <c>The mail server [ip] has been temporarily rate limited</c> (4.7.650), <c>try again later from [ip]</c> (4.7.500);</item>
/// <item>Yahoo: <c>[TSS04] Messages from ip temporarily deferred</c>, <c>All messages from ip will be permanently deferred</c>,
/// <c>Connections will not be accepted from ip</c>;</item>
/// <item>lookup links that carry the IP: Proofpoint, Cloudmark, Barracuda (<c>?ip=</c>), Spamhaus (<c>/query/ip/ip</c>, <c>?ip=</c>);</item>
/// <item>Postfix-style RBL replies <c>Client host [ip] blocked</c> (postscreen: <c>client [ip]</c>), <c>from your IP ip</c>,
/// <c>your IP address ip</c>, <c>ip is listed</c>.</item>
/// </list>
/// The wordings are those of <c>domain/facts.md</c> (Gmail 4.1, Yahoo 4.2, Microsoft 4.3, Postfix RBL replies) and of
/// the replies in Sisimai's corpus.
/// </summary>
public static partial class SendingIpFromReply
{
    /// <summary>The IP (v4 or v6) the reply says it refused, or null.</summary>
    public static string? Find(string reply) => Find(reply, remoteIp: null);

    /// <summary>The IP the reply says it refused, or null; never <paramref name="remoteIp"/>, the answering host's own address.</summary>
    public static string? Find(string reply, string? remoteIp)
    {
        if (reply.Length < 7) return null;
        foreach (var ip in CandidatesOf(reply))
            if (!string.Equals(ip, remoteIp, StringComparison.OrdinalIgnoreCase)) return ip;
        return null;
    }

    // A log repeats the same few deferral and bounce texts thousands of times: each text is matched once, and its
    // candidates (in order) are remembered, bounded like the classification cache.
    private const int KnownCapacity = 4096;
    private static readonly ConcurrentDictionary<string, string[]> Known = new(StringComparer.Ordinal);

    private static string[] CandidatesOf(string reply)
    {
        if (Known.TryGetValue(reply, out var known)) return known;
        var found = new List<string>(1);
        for (var m = Quoted().Match(reply); m.Success; m = m.NextMatch())
            if (Normalize(m.Groups["ip"].Value) is { } ip) found.Add(ip);
        var candidates = found.Count == 0 ? [] : found.ToArray();
        if (Known.Count >= KnownCapacity) Known.Clear();
        Known[reply] = candidates;
        return candidates;
    }

    // A candidate the pattern took is kept only when it parses as an address; IPv6 is written in its canonical form
    // so the same address quoted two ways is one sending IP.
    private static string? Normalize(string candidate)
    {
        if (candidate.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)) candidate = candidate[5..];
        if (!IPAddress.TryParse(candidate, out var address)) return null;
        if (address.AddressFamily == AddressFamily.InterNetwork) return candidate.Count(c => c == '.') == 3 ? address.ToString() : null;
        return address.AddressFamily == AddressFamily.InterNetworkV6 && candidate.Contains(':') ? address.ToString() : null;
    }

    private const string Ip = @"(?<ip>(?:IPv6:)?(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:\d{1,3}\.){3}\d{1,3})?))";

    [GeneratedRegex(
        @"\[" + Ip + @"[ \t]+\d{1,4}\]" // Gmail: "[203.0.113.25      12]"
        + @"|(?:[?&]ip=|spamhaus\.org/query/ip/|\bclient host \[|\bclient \[|\bbanned sending IP \[|\bthe mail server \[|\btry again later from \[)" + Ip + @"\b"
        + @"|\b(?:all )?messages from \[?" + Ip + @"\]? (?:weren't|were not|temporarily|will be|permanently|are|is|have been|deferred|blocked|rejected)"
        + @"|\bconnections (?:will not be|not) accepted from \[?" + Ip
        + @"|\b(?:from )?your (?:sending )?IP(?: address)?:? \[?" + Ip + @"\b"
        + @"|(?<![\w.:\[])" + Ip + @"\]? is (?:listed|blacklisted|blocklisted|blocked)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
