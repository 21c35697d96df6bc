using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// The regular-expression reading of a Postfix queue line: the definition <see cref="PostfixLine"/>'s hand reader
/// follows, and its fallback for lines outside the common shape (non-ASCII text, unusual spacing or field order).
/// </summary>
internal static partial class PostfixLineRegex
{
    /// <summary>Reads <paramref name="line"/>; false when it is not a Postfix queue line.</summary>
    public static bool TryRead(string line, out PostfixFields fields)
    {
        fields = default;
        var head = Head().Match(line);
        if (!head.Success) return false;
        var queueId = head.Groups["qid"].Value;
        var rest = line[(head.Index + head.Length)..];
        if (Expired().IsMatch(rest))
        {
            fields = new(PostfixLineKind.Expired, queueId, From().Match(rest).Groups["from"].Value);
            return true;
        }
        var delivery = Delivery().Match(rest);
        if (delivery.Success)
        {
            var relay = Relay().Match(rest);
            EnhancedStatusCode.TryParse(Dsn().Match(rest).Groups["dsn"].ValueSpan, out var dsn);
            fields = new(PostfixLineKind.Delivery, queueId, delivery.Groups["to"].Value, delivery.Groups["status"].Value, delivery.Groups["detail"].Value,
                relay.Success ? relay.Groups["host"].Value : null, relay.Success ? relay.Groups["ip"].Value : null, dsn);
            return true;
        }
        if (From().Match(rest) is { Success: true } from)
            fields = new(PostfixLineKind.From, queueId, from.Groups["from"].Value);
        else if (MessageIdField().Match(rest) is { Success: true } mid)
            fields = new(PostfixLineKind.MessageId, queueId, mid.Groups["id"].Value);
        else
            fields = new(rest.TrimEnd() == "removed" ? PostfixLineKind.Removed : PostfixLineKind.Other, queueId);
        return true;
    }

    [GeneratedRegex(@"\bpostfix[\w.\-]*/(?:[\w.\-]+/)*[\w.\-]+\[\d+\]:\s+(?<qid>[0-9A-Za-z]{5,}):\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    [GeneratedRegex(@"^to=<(?<to>[^>]*)>.*?\bstatus=(?<status>sent|deferred|bounced|expired|undeliverable|deliverable)\b\s*(?:\((?<detail>.*)\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Delivery();

    [GeneratedRegex(@"^from=<(?<from>[^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex From();

    [GeneratedRegex(@"^message-id=(?<id>[^ \t\n\v\f\r]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdField();

    [GeneratedRegex(@"^from=<[^>]*>,\s*status=expired", RegexOptions.CultureInvariant)]
    private static partial Regex Expired();

    [GeneratedRegex(@"\brelay=(?<host>[^\[,\s]+)(?:\[(?<ip>[^\]]*)\])?", RegexOptions.CultureInvariant)]
    private static partial Regex Relay();

    [GeneratedRegex(@"\bdsn=(?<dsn>[245]\.\d{1,3}\.\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex Dsn();
}
