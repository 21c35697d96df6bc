using System.Globalization;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// PowerMTA's CSV accounting file (User's Guide, "Accounting records"): a header line names the columns
/// (<c>type,timeLogged,orig,rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,dlvSourceIp,dlvDestinationIp,vmta,...</c>, in any
/// order and subset), then one record per recipient whose first column is its type: <c>d</c> delivered, <c>t</c>
/// transient failure (deferred), <c>b</c> bounced, <c>rb</c> remote bounce become attempts; <c>r</c> received, <c>tq</c>
/// (a queue's transient failure, no recipient), <c>f</c> feedback and <c>rs</c> remote status are recognised and skipped.
/// <c>dsnDiag</c> (<c>smtp;550 5.1.1 ...</c>) is the reply, <c>dsnMta</c> the remote host, <c>dlvSourceIp</c> our IP,
/// <c>vmtaPool</c> or <c>vmta</c> the stream, <c>header_Message-Id</c> the message id that joins attempts.
/// </summary>
public sealed class PowerMtaAccountingReader : ILogLineReader
{
    /// <inheritdoc />
    public string Format => "powermta";

    /// <summary>The header of the accounting file being read: column index by field name.</summary>
    public sealed class Header
    {
        /// <summary>Column index by field name (case-insensitive), empty until a header line is read.</summary>
        public Dictionary<string, int> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public bool TryRead(string line, LogContext context, List<BounceEvent> events)
    {
        if (line.StartsWith("type,", StringComparison.OrdinalIgnoreCase))
        {
            var fields = CsvFields.Split(line);
            // A header names PowerMTA's own fields; any CSV starting "type," is not one.
            if (!fields.Contains("rcpt", StringComparer.OrdinalIgnoreCase) || !fields.Contains("timeLogged", StringComparer.OrdinalIgnoreCase)) return false;
            var header = context.StateOf<Header>();
            header.Columns.Clear();
            for (var i = 0; i < fields.Count; i++) header.Columns.TryAdd(fields[i].Trim(), i);
            return true;
        }
        // Cheap refusal first: every other format's lines come through here.
        var comma = line.IndexOf(',');
        if (comma is <= 0 or > 16) return false;
        DeliveryAction action;
        switch (line[..comma])
        {
            case "d" or "delivery": action = DeliveryAction.Delivered; break;
            case "t" or "transient": action = DeliveryAction.Delayed; break;
            case "b" or "bounce" or "rb" or "remoteBounce": action = DeliveryAction.Failed; break;
            case "r" or "receipt" or "tq" or "transient-queue" or "f" or "feedback" or "rs" or "remoteStatus":
                return context.StateOf<Header>().Columns.Count > 0;
            default: return false;
        }
        var columns = context.StateOf<Header>().Columns;
        if (columns.Count == 0) return false;
        var row = CsvFields.Split(line);
        string? Field(string name) => columns.TryGetValue(name, out var i) && i < row.Count && row[i].Length > 0 ? row[i] : null;
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["record"] = line[..comma] };
        foreach (var name in (string[])["vmta", "vmtaPool", "queue", "jobId", "bounceCat", "dsnAction"])
            if (Field(name) is { } value) hints[name] = value;
        var diag = Field("dsnDiag");
        var (host, hostIp) = RemoteMta(Field("dsnMta"));
        var attempt = new LogAttempt
        {
            Recipient = Field("rcpt"),
            Sender = Field("orig"),
            Action = action,
            Reply = SmtpReply.Parse(WithoutType(diag)),
            DsnStatus = Field("dsnStatus") is { } status && EnhancedStatusCode.TryParse(status.AsSpan().Trim(), out var code) ? code : null,
            Stage = StageDetector.Detect(diag),
            Timestamp = TimeOf(Field("timeLogged")),
            RemoteHost = host,
            RemoteIp = Field("dlvDestinationIp") ?? hostIp,
            SendingIp = Field("dlvSourceIp"),
            Stream = Field("vmtaPool") ?? Field("vmta"),
            MessageId = Field("header_Message-Id") is { } mid ? MessageIds.Normalize(mid) : Field("envId"),
            HeaderMessageId = Field("header_Message-Id"),
            Hints = hints,
        };
        events.Add(LogEventBuilder.Build(context, Format, attempt));
        return true;
    }

    // "smtp;550 5.1.1 <x>: user unknown" -> the reply after its diagnostic type.
    private static string? WithoutType(string? diag)
    {
        if (diag is null) return null;
        var semi = diag.IndexOf(';');
        return semi is > 0 and < 12 && !diag[..semi].Contains(' ') ? diag[(semi + 1)..].Trim() : diag;
    }

    // "dns;mx01.mail.icloud.com (17.57.154.6)" or "mx01.mail.icloud.com (17.57.154.6)".
    private static (string? Host, string? Ip) RemoteMta(string? mta)
    {
        if (mta is null) return (null, null);
        var text = WithoutType(mta)!;
        var open = text.IndexOf('(');
        if (open < 0) return (text.Trim(), null);
        var close = text.IndexOf(')', open);
        return (text[..open].Trim(), close > open ? text[(open + 1)..close].Trim() : null);
    }

    // Unix time_t by default; "2026-01-15 14:23:11-0500" or ISO 8601 when the file is configured so.
    private static DateTimeOffset? TimeOf(string? text)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return DateTimeOffset.FromUnixTimeSeconds(seconds);
        string[] formats = ["yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:sszz", "yyyy-MM-dd HH:mm:ss"];
        var compact = text.Length > 5 && (text[^5] is '+' or '-') && char.IsDigit(text[^1]) ? text[..^2] + ":" + text[^2..] : text;
        if (DateTimeOffset.TryParseExact(compact, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)) return exact.ToUniversalTime();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
    }
}
