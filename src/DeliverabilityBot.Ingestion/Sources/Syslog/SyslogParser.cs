using System.Globalization;
using System.Text;
using DeliverabilityBot.Ingestion.Logs;

namespace DeliverabilityBot.Ingestion.Sources.Syslog;

/// <summary>
/// Reads one syslog message: RFC 5424 (<c>&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG</c>) when a version
/// follows the priority, else RFC 3164 as senders really write it (<c>&lt;PRI&gt;Mmm dd hh:mm:ss HOST TAG[PID]: MSG</c>,
/// an ISO timestamp as rsyslog's forwarding format sends, or no host). Lenient like the RFC 3164 relay rules: a message
/// without a valid priority is taken as user.notice text, one without a timestamp gets the receipt time.
/// </summary>
public static class SyslogParser
{
    private const int DefaultPriority = 13; // user.notice, RFC 3164 section 4.3.3

    /// <summary>Parses a message received at <paramref name="received"/>; null when it is empty.</summary>
    public static SyslogMessage? Parse(ReadOnlySpan<byte> data, DateTimeOffset received) =>
        Parse(Encoding.UTF8.GetString(Trim(data)), received);

    /// <summary>Parses a message received at <paramref name="received"/>; null when it is empty.</summary>
    public static SyslogMessage? Parse(string text, DateTimeOffset received)
    {
        text = text.TrimEnd('\n', '\r', '\0');
        if (text.Length == 0) return null;
        var at = 0;
        var priority = ReadPriority(text, ref at) ?? DefaultPriority;
        var (facility, severity) = (priority / 8, priority % 8);
        if (at + 1 < text.Length && text[at] is >= '1' and <= '9' && text[at + 1] == ' ')
            return Parse5424(text, at + 2, facility, severity, received);
        return Parse3164(text, at, facility, severity, received);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0 && data[^1] is (byte)'\n' or (byte)'\r' or 0) data = data[..^1];
        return data;
    }

    // "<PRI>" with 1-3 digits, at most 191.
    private static int? ReadPriority(string text, ref int at)
    {
        if (text.Length < 3 || text[0] != '<') return null;
        var close = text.IndexOf('>', 1);
        if (close is < 2 or > 4) return null;
        if (!int.TryParse(text.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 191) return null;
        at = close + 1;
        return value;
    }

    private static SyslogMessage Parse5424(string text, int at, int facility, int severity, DateTimeOffset received)
    {
        var timestamp = Field(text, ref at);
        var host = Field(text, ref at);
        var app = Field(text, ref at);
        var procId = Field(text, ref at);
        _ = Field(text, ref at); // MSGID
        SkipStructuredData(text, ref at);
        var message = at < text.Length ? text[at..] : "";
        if (message.Length > 0 && message[0] == '\uFEFF') message = message[1..];
        var time = timestamp is "-" ? null : LogTimestamp.Read(timestamp, received.Year);
        return new SyslogMessage(facility, severity, time ?? received, host.Length == 0 ? "-" : host, app is "-" ? "" : app, procId is "-" ? "" : procId, message);
    }

    // The next space-delimited field; 'at' moves past the space after it.
    private static string Field(string text, ref int at)
    {
        if (at >= text.Length) return "-";
        var end = text.IndexOf(' ', at);
        if (end < 0) end = text.Length;
        var field = text[at..end];
        at = Math.Min(text.Length, end + 1);
        return field;
    }

    // "-" or one or more "[id k="v" ...]" with \" \] \\ escaped inside values; 'at' moves past the space after it.
    private static void SkipStructuredData(string text, ref int at)
    {
        if (at >= text.Length) return;
        if (text[at] == '-')
        {
            at = Math.Min(text.Length, at + 2);
            return;
        }
        while (at < text.Length && text[at] == '[')
        {
            var quoted = false;
            for (at++; at < text.Length; at++)
            {
                var c = text[at];
                if (quoted && c == '\\') { at++; continue; }
                if (c == '"') quoted = !quoted;
                else if (c == ']' && !quoted) { at++; break; }
            }
        }
        if (at < text.Length && text[at] == ' ') at++;
    }

    private static SyslogMessage Parse3164(string text, int at, int facility, int severity, DateTimeOffset received)
    {
        var rest = text.AsSpan(at);
        var time = ReadTimestamp(rest, received, out var used);
        if (used > 0) rest = rest[used..].TrimStart(' ');
        // HOST then TAG, or TAG alone (many local senders leave the host out): a tag ends in ':' or '[pid]:'.
        var host = "-";
        var first = rest.IndexOf(' ');
        if (used > 0 && first > 0 && !LooksLikeTag(rest[..first]))
        {
            host = rest[..first].ToString();
            rest = rest[(first + 1)..];
        }
        var (app, procId, message) = SplitTag(rest);
        return new SyslogMessage(facility, severity, time ?? received, host, app, procId, message);
    }

    private static DateTimeOffset? ReadTimestamp(ReadOnlySpan<char> s, DateTimeOffset received, out int used)
    {
        used = 0;
        if (s.Length >= 15 && s[3] == ' ' && LogTimestamp.Read(s, received.Year) is { } syslog)
        {
            used = 15;
            // No year in RFC 3164: a December line received in January belongs to the year before.
            return syslog > received.AddDays(2) ? syslog.AddYears(-1) : syslog;
        }
        if (s.Length >= 19 && char.IsAsciiDigit(s[0]) && LogTimestamp.Read(s, received.Year) is { } iso)
        {
            var end = s.IndexOf(' ');
            used = end < 0 ? s.Length : end;
            return iso;
        }
        return null;
    }

    private static bool LooksLikeTag(ReadOnlySpan<char> token) => token.EndsWith(":") || token.Contains('[');

    // "TAG[PID]: MSG" or "TAG: MSG"; anything else is all message.
    private static (string App, string ProcId, string Message) SplitTag(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && i < 64 && (SyslogText.IsProgramChar(s[i]) || s[i] == '/')) i++;
        if (i == 0 || i >= s.Length) return ("", "", s.ToString());
        var app = s[..i];
        var procId = ReadOnlySpan<char>.Empty;
        if (s[i] == '[')
        {
            var close = s[i..].IndexOf(']');
            if (close < 0) return ("", "", s.ToString());
            procId = s.Slice(i + 1, close - 1);
            i += close + 1;
        }
        if (i >= s.Length || s[i] != ':') return ("", "", s.ToString());
        i++;
        if (i < s.Length && s[i] == ' ') i++;
        return (app.ToString(), procId.ToString(), s[i..].ToString());
    }
}
