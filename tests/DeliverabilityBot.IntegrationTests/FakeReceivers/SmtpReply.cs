namespace DeliverabilityBot.IntegrationTests.FakeReceivers;

/// <summary>
/// A reply a fake receiver sends: a code and one or more text lines, written as a real server writes
/// a multi-line reply (<c>421-4.7.28 ...</c> for every line but the last).
/// </summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>A one-line reply.</summary>
    public SmtpReply(int code, string text) : this(code, [text]) { }

    /// <summary>250 Ok.</summary>
    public static SmtpReply Ok { get; } = new(250, "2.0.0 Ok");

    /// <summary>2xx.</summary>
    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>4xx.</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>5xx.</summary>
    public bool IsPermanent => Code >= 500;

    /// <summary>421 ends the session after it is sent (RFC 5321 4.2.2).</summary>
    public bool ClosesSession => Code == 421;

    /// <summary>The reply on the wire, CRLF-terminated.</summary>
    public string ToWire()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < Lines.Count; i++)
            text.Append(Code).Append(i == Lines.Count - 1 ? ' ' : '-').Append(Lines[i]).Append("\r\n");
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {string.Join(" ", Lines)}";
}
