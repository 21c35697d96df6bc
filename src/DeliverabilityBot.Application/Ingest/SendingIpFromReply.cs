using System.Text.RegularExpressions;

namespace DeliverabilityBot.Application.Ingest;

/// <summary>
/// Our sending IP as a receiver quoted it, for logs that do not record it (Postfix): Proofpoint's lookup link
/// (<c>?ip=</c>), Postfix-style RBL replies (<c>Client host [ip]</c>) and Microsoft's <c>messages from [ip]</c>.
/// </summary>
public static partial class SendingIpFromReply
{
    /// <summary>The IPv4 address the reply says it refused, or null.</summary>
    public static string? Find(string reply)
    {
        if (reply.Length == 0) return null;
        var m = Quoted().Match(reply);
        return m.Success ? m.Groups["ip"].Value : null;
    }

    [GeneratedRegex(@"(?:[?&]ip=|client host \[|messages from \[|mail server \[)(?<ip>(?:\d{1,3}\.){3}\d{1,3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
