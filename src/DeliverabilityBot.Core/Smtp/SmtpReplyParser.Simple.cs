namespace DeliverabilityBot.Core.Smtp;

public static partial class SmtpReplyParser
{
    /// <summary>
    /// The reply most log lines carry, <c>NNN N.N.N text</c> on one line of printable ASCII with single spaces
    /// (<c>250 2.0.0 Ok: queued as 4XyZ1</c>), read without the general parser's splitting, regexes and
    /// re-joining; the result is the one the general parser gives. Null when the input is not of that shape.
    /// </summary>
    private static SmtpReply? TryParseSimple(string raw)
    {
        if (raw.Length < 9 || raw[0] is not ('2' or '4' or '5') || !char.IsAsciiDigit(raw[1]) || !char.IsAsciiDigit(raw[2]) || raw[3] != ' ')
            return null;
        // Status: [245].d{1,3}.d{1,3}, then a space or the end.
        var end = raw.IndexOf(' ', 4);
        if (end < 0) end = raw.Length;
        if (!EnhancedStatusCode.TryParse(raw.AsSpan(4, end - 4), out var status)) return null;
        for (var i = end; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is < ' ' or > '~' || (c == ' ' && raw[i - 1] == ' ')) return null;
        }
        var text = end < raw.Length ? raw[(end + 1)..] : string.Empty;
        var code = (raw[0] - '0') * 100 + (raw[1] - '0') * 10 + (raw[2] - '0');
        // The general parser strips the reply's own "NNN-N.N.N" when it recurs inside the text, and reads sendmail's
        // "<user@example.org>... 550 ..." inner reply and an expiry's quoted "<421 4.4.2 ...>": leave those to it.
        if (text.Contains(string.Concat(raw.AsSpan(0, 3), "-"), StringComparison.Ordinal) || text.Contains("...", StringComparison.Ordinal)
            || (status is { Subject: 4, Detail: 7 } && text.Contains('<'))) return null;
        return new SmtpReply(code, status, text, raw);
    }
}
