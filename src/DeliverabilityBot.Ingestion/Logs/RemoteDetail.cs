using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Splits the parenthesised detail of a Postfix delivery line into the remote host, the remote reply and the stage:
/// <c>host mx[1.2.3.4] said: 550 5.1.1 ... (in reply to RCPT TO command)</c>,
/// <c>host mx[1.2.3.4] refused to talk to me: 554 ...</c>, <c>connect to mx[1.2.3.4]:25: Connection refused</c>.
/// </summary>
internal static partial class RemoteDetail
{
    public static (string? Host, string? Ip, SmtpReply Reply, SmtpStage Stage) Read(string detail)
    {
        // Without "[" there is no host to find and without "(" no "(in reply to ...)" to cut: a delivered line's
        // "250 2.0.0 Ok: queued as 4XyZ1" goes straight to the reply parser.
        if (detail.AsSpan().IndexOfAny('[', '(') < 0) return (null, null, SmtpReply.Parse(detail.Trim()), StageDetector.Detect(detail));
        var stage = StageDetector.Detect(detail);
        string? host = null, ip = null;
        var text = detail;
        var said = HostSaid().Match(detail);
        if (said.Success)
        {
            host = said.Groups["host"].Value.ToLowerInvariant();
            ip = NullIfEmpty(said.Groups["ip"].Value);
            text = detail[(said.Index + said.Length)..];
            if (said.Groups["verb"].Value.StartsWith("refused", StringComparison.OrdinalIgnoreCase)) stage = SmtpStage.Connect;
        }
        else if (HostMention().Match(detail) is { Success: true } mention)
        {
            host = mention.Groups["host"].Value.ToLowerInvariant();
            ip = NullIfEmpty(mention.Groups["ip"].Value);
            if (detail.StartsWith("connect to", StringComparison.OrdinalIgnoreCase)) stage = SmtpStage.Connect;
        }
        text = InReplyTo().Replace(text, string.Empty).Trim();
        return (host, ip, SmtpReply.Parse(text), stage);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"host (?<host>[\w.\-]+)\[(?<ip>[^\]]*)\](?::\d+)? (?<verb>said|refused to talk to me):\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostSaid();

    [GeneratedRegex(@"(?<host>[\w.\-]+\.[\w\-]+)\[(?<ip>[0-9a-fA-F:.]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex HostMention();

    [GeneratedRegex(@"\s*\(in reply to [^)]*\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InReplyTo();
}
