using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Text;

namespace DeliverabilityBot.Ingestion.Evidence;

/// <summary>
/// Tells the SMTP stage from the phrasing MTAs wrap around a remote reply: Postfix's
/// <c>(in reply to RCPT TO command)</c>, Exim's <c>after RCPT TO</c>, sendmail's <c>&gt;&gt;&gt; DATA</c>,
/// qmail's <c>most progress was RCPT TO response</c> and <c>does not like recipient</c>, and <c>refused to talk to me</c> at the greeting.
/// </summary>
public static partial class StageDetector
{
    /// <summary>The stage the text names, or <see cref="SmtpStage.Unknown"/>.</summary>
    public static SmtpStage Detect(string? text) =>
        string.IsNullOrEmpty(text) ? SmtpStage.Unknown : Detect(text, 0, text.Length);

    /// <summary>
    /// The stage named in the <paramref name="length"/> characters of <paramref name="text"/> from
    /// <paramref name="start"/> (a window of a notification, looked at in place rather than copied), or
    /// <see cref="SmtpStage.Unknown"/>.
    /// </summary>
    public static SmtpStage Detect(string text, int start, int length)
    {
        if (length == 0) return SmtpStage.Unknown;
        var m = CommandPhrase().Match(text, start, length);
        if (m.Success) return FromCommand(m.Groups["cmd"].Value);
        var window = text.AsSpan(start, length);
        if (IgnoreCaseSearch.Contains(window, "refused to talk to me")
            || IgnoreCaseSearch.Contains(window, "after initial connection")
            || IgnoreCaseSearch.Contains(window, "SMTP greeting")
            || IgnoreCaseSearch.Contains(window, "in reply to connect"))
            return SmtpStage.Connect;
        return QmailRemoteStage(window);
    }

    // qmail-remote's own sentences around the remote reply (qmail-remote.c): "Connected to <ip> but sender was
    // rejected." (MAIL FROM), "<ip> does not like recipient." (RCPT TO), "but my name was rejected." (HELO),
    // "<ip> failed on DATA command." and "<ip> failed after I sent the message." (after the message).
    private static SmtpStage QmailRemoteStage(ReadOnlySpan<char> window)
    {
        if (IgnoreCaseSearch.Contains(window, "but sender was rejected")) return SmtpStage.MailFrom;
        if (IgnoreCaseSearch.Contains(window, "does not like recipient")) return SmtpStage.RcptTo;
        if (IgnoreCaseSearch.Contains(window, "but my name was rejected")) return SmtpStage.Helo;
        if (IgnoreCaseSearch.Contains(window, "failed on DATA command")) return SmtpStage.Data;
        if (IgnoreCaseSearch.Contains(window, "failed after I sent the message")) return SmtpStage.EndOfData;
        return SmtpStage.Unknown;
    }

    /// <summary>Maps an SMTP command name (<c>RCPT TO</c>, <c>end of DATA</c>, <c>EHLO</c>, ...) to a stage.</summary>
    public static SmtpStage FromCommand(string command)
    {
        var c = command.Trim().ToUpperInvariant();
        if (c.StartsWith("RCPT", StringComparison.Ordinal)) return SmtpStage.RcptTo;
        if (c.StartsWith("MAIL", StringComparison.Ordinal)) return SmtpStage.MailFrom;
        if (c is "HELO" or "EHLO" or "LHLO" || c.StartsWith("HELO", StringComparison.Ordinal) || c.StartsWith("EHLO", StringComparison.Ordinal)) return SmtpStage.Helo;
        if (c.Contains("END OF", StringComparison.Ordinal) || c is "." || c.Contains("MESSAGE", StringComparison.Ordinal)) return SmtpStage.EndOfData;
        if (c.StartsWith("DATA", StringComparison.Ordinal)) return SmtpStage.Data;
        if (c.StartsWith("CONN", StringComparison.Ordinal) || c.StartsWith("GREET", StringComparison.Ordinal) || c.StartsWith("BANNER", StringComparison.Ordinal)) return SmtpStage.Connect;
        return SmtpStage.Unknown;
    }

    // Postfix: "in reply to RCPT TO command"; Exim: "after RCPT TO:<...>", "after end of data";
    // qmail: "most progress was RCPT TO response"; sendmail transcript: ">>> DATA"; m-FILTER: "-------SMTP command DATA";
    // InterScan MSS: "Sent <<< RCPT TO:<...>" (the command it sent; its reply is "Received >>> 550 ..."); Sisimai's X6
    // layout: "(Error following RCPT command)".
    [GeneratedRegex(@"(?:in\s+reply\s+to|after|Error\s+following|most\s+progress\s+was|>>>|Sent\s+<<<|SMTP\s+command:?)\s+(?<cmd>RCPT\s*TO|RCPT(?=\s+command)|MAIL\s*FROM|end\s+of\s+(?:DATA|data|message)|DATA|EHLO|HELO|LHLO|initial\s+connection|connect)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommandPhrase();
}
