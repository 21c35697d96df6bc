using System.Runtime.CompilerServices;
using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>What a Postfix queue line is about.</summary>
internal enum PostfixLineKind
{
    /// <summary>A queue line this reader takes no event from (cleanup, pickup, ...).</summary>
    Other,

    /// <summary>qmgr's <c>from=&lt;s&gt;, size=...</c>.</summary>
    From,

    /// <summary>A delivery agent's <c>to=&lt;r&gt;, ..., status=...</c>.</summary>
    Delivery,

    /// <summary>qmgr's <c>from=&lt;s&gt;, status=expired, returned to sender</c>.</summary>
    Expired,

    /// <summary>qmgr's <c>removed</c>: the queue id's life is over.</summary>
    Removed,

    /// <summary>cleanup's <c>message-id=&lt;id&gt;</c>.</summary>
    MessageId,
}

/// <summary>The fields of one Postfix queue line, as read by <see cref="PostfixLine.TryRead"/>.</summary>
/// <param name="Kind">What the line is about.</param>
/// <param name="QueueId">The queue id.</param>
/// <param name="Address">The recipient (<see cref="PostfixLineKind.Delivery"/>), sender (<see cref="PostfixLineKind.From"/>) or
/// message id (<see cref="PostfixLineKind.MessageId"/>, up to the first space), as written.</param>
/// <param name="Status">The delivery status word (<c>sent</c>, <c>deferred</c>, ...).</param>
/// <param name="Detail">The parenthesised detail after the status, empty when absent.</param>
/// <param name="RelayHost">The <c>relay=</c> host as written (<c>none</c> included), or null.</param>
/// <param name="RelayIp">The <c>relay=</c> IP, empty when absent, or null without a relay.</param>
/// <param name="Dsn">The <c>dsn=</c> status, or null.</param>
internal readonly record struct PostfixFields(
    PostfixLineKind Kind, string QueueId, string? Address = null, string? Status = null, string Detail = "",
    string? RelayHost = null, string? RelayIp = null, EnhancedStatusCode? Dsn = null);

/// <summary>
/// Reads a Postfix queue line (<c>... postfix/smtp[123]: QUEUEID: to=&lt;r&gt;, relay=..., dsn=..., status=... (detail)</c>)
/// by hand for the common shape: a pure-ASCII line, every field where Postfix writes it. Anything else (non-ASCII text,
/// odd spacing, a status word the hand reader does not take) goes to <see cref="PostfixLineRegex"/>, the original
/// regular expressions, so both give the same fields for every line; property tests hold the two to that.
/// </summary>
internal static class PostfixLine
{
    /// <summary>Reads <paramref name="line"/>; false when it is not a Postfix queue line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(string line, out PostfixFields fields)
    {
        fields = default;
        var at = line.IndexOf("postfix", StringComparison.Ordinal);
        if (at < 0) return false;
        if (!System.Text.Ascii.IsValid(line) || line.Contains('\n') || !TryHead(line, at, out var queueId, out var rest))
            return PostfixLineRegex.TryRead(line, out fields);
        var body = line.AsSpan(rest);
        if (body.StartsWith("to=<")) return TryDelivery(line, rest, queueId, out fields) || PostfixLineRegex.TryRead(line, out fields);
        if (body.StartsWith("from=<"))
        {
            var close = body.IndexOf('>');
            if (close < 0) { fields = new(PostfixLineKind.Other, queueId); return true; }
            var after = body[(close + 1)..];
            var expired = after.Length > 0 && after[0] == ',' && after[1..].TrimStart(SyslogText.Whitespace).StartsWith("status=expired");
            fields = new(expired ? PostfixLineKind.Expired : PostfixLineKind.From, queueId, body[6..close].ToString());
            return true;
        }
        if (body.StartsWith("message-id="))
        {
            var id = body["message-id=".Length..];
            var end = id.IndexOfAny(SyslogText.Whitespace);
            fields = new(PostfixLineKind.MessageId, queueId, (end < 0 ? id : id[..end]).ToString());
            return true;
        }
        fields = new(body.TrimEnd(SyslogText.Whitespace) is "removed" ? PostfixLineKind.Removed : PostfixLineKind.Other, queueId);
        return true;
    }

    // At "postfix": "postfix[\w.-]*/(?:[\w.-]+/)*[\w.-]+\[\d+\]:\s+QUEUEID:\s+" with QUEUEID [0-9A-Za-z]{5,}.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryHead(string line, int at, out string queueId, out int rest)
    {
        queueId = "";
        rest = 0;
        if (at > 0 && SyslogText.IsWord(line[at - 1])) return false;
        var i = at + "postfix".Length;
        var segments = 0;
        while (true)
        {
            var start = i;
            while (i < line.Length && SyslogText.IsProgramChar(line[i])) i++;
            if (segments > 0 && i == start) return false;
            if (i >= line.Length) return false;
            if (line[i] == '/') { segments++; i++; continue; }
            if (line[i] != '[' || segments == 0) return false;
            break;
        }
        return SyslogText.TryPidAndQueueId(line, i, 5, out queueId, out rest);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDelivery(string line, int rest, string queueId, out PostfixFields fields)
    {
        fields = default;
        var body = line.AsSpan(rest);
        var close = body.IndexOf('>');
        if (close < 0) return false;
        var statusAt = SyslogText.IndexOfField(body, close + 1, "status=");
        if (statusAt < 0) return false;
        var wordStart = statusAt + "status=".Length;
        var wordEnd = wordStart;
        while (wordEnd < body.Length && SyslogText.IsWord(body[wordEnd])) wordEnd++;
        var status = StatusWord(body[wordStart..wordEnd]);
        if (status is null) return false;
        var detail = "";
        var tail = body[wordEnd..].TrimStart(SyslogText.Whitespace);
        if (tail.Length > 0)
        {
            var trimmed = tail.TrimEnd(SyslogText.Whitespace);
            if (tail[0] != '(' || trimmed.Length < 2 || trimmed[^1] != ')') return false;
            detail = trimmed[1..^1].ToString();
        }
        var (relayHost, relayIp) = Relay(body);
        fields = new(PostfixLineKind.Delivery, queueId, body[4..close].ToString(), status, detail, relayHost, relayIp, Dsn(body));
        return true;
    }

    private static string? StatusWord(ReadOnlySpan<char> word) => word switch
    {
        "sent" => "sent",
        "deferred" => "deferred",
        "bounced" => "bounced",
        "expired" => "expired",
        "undeliverable" => "undeliverable",
        "deliverable" => "deliverable",
        _ => null,
    };

    // The first "\brelay=(?<host>[^\[,\s]+)(?:\[(?<ip>[^\]]*)\])?".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string? Host, string? Ip) Relay(ReadOnlySpan<char> body)
    {
        for (var from = 0; (from = SyslogText.IndexOfField(body, from, "relay=")) >= 0; from++)
        {
            var start = from + "relay=".Length;
            var end = start;
            while (end < body.Length && body[end] is not ('[' or ',') && !SyslogText.IsSpace(body[end])) end++;
            if (end == start) continue;
            var ip = "";
            if (end < body.Length && body[end] == '[')
            {
                var closing = body[(end + 1)..].IndexOf(']');
                if (closing >= 0) ip = body.Slice(end + 1, closing).ToString();
            }
            return (body[start..end].ToString(), ip);
        }
        return (null, null);
    }

    // The first "\bdsn=(?<dsn>[245]\.\d{1,3}\.\d{1,3})".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static EnhancedStatusCode? Dsn(ReadOnlySpan<char> body)
    {
        for (var from = 0; (from = SyslogText.IndexOfField(body, from, "dsn=")) >= 0; from++)
        {
            var s = body[(from + "dsn=".Length)..];
            if (s.Length < 5 || s[0] is not ('2' or '4' or '5') || s[1] != '.') continue;
            var subject = SyslogText.CountDigits(s[2..], 3);
            if (subject == 0 || s.Length <= 2 + subject || s[2 + subject] != '.') continue;
            var detail = SyslogText.CountDigits(s[(3 + subject)..], 3);
            if (detail == 0) continue;
            return EnhancedStatusCode.TryParse(s[..(3 + subject + detail)], out var dsn) ? dsn : null;
        }
        return null;
    }
}
