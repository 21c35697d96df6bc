namespace DeliverabilityBot.Core.Smtp;

/// <summary>
/// A remote SMTP server's reply as it reached us: the three-digit reply code (RFC 5321), the enhanced
/// status code (RFC 3463) when present, and the free text that carries every receiver-specific detail.
/// </summary>
public sealed class SmtpReply
{
    /// <summary>Creates a reply from parts already known.</summary>
    public SmtpReply(int? code, EnhancedStatusCode? status, string text, string raw)
    {
        Code = code;
        Status = status;
        Text = text;
        Raw = raw;
    }

    /// <summary>The RFC 5321 reply code (e.g. 421, 554), or null when the evidence carried none.</summary>
    public int? Code { get; }

    /// <summary>The RFC 3463 code (e.g. 5.7.1), or null.</summary>
    public EnhancedStatusCode? Status { get; }

    /// <summary>The reply text with code prefixes of continuation lines removed, lines joined by a space.</summary>
    public string Text { get; }

    /// <summary>The input as given (after trimming), for display and evidence.</summary>
    public string Raw { get; }

    /// <summary>An empty reply (no code, no status, no text).</summary>
    public static SmtpReply Empty { get; } = new(null, null, string.Empty, string.Empty);

    /// <summary>True when neither code, status nor text is present.</summary>
    public bool IsEmpty => Code is null && Status is null && Text.Length == 0;

    /// <summary>
    /// 5 for permanent, 4 for transient, 2 for success: from the reply code, else from the enhanced status; null if neither.
    /// </summary>
    public int? ReplyClass => Code is { } c ? c / 100 : Status?.Class;

    /// <summary>Parses a reply; never throws. See <see cref="SmtpReplyParser"/>.</summary>
    public static SmtpReply Parse(string? text) => SmtpReplyParser.Parse(text);

    /// <inheritdoc />
    public override string ToString() => Raw;
}
