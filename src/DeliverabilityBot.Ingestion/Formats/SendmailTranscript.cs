using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// Reads a sendmail session transcript ("While talking to host:", <c>&gt;&gt;&gt; COMMAND</c>, <c>&lt;&lt;&lt; reply</c>,
/// then sendmail's own line per recipient, <c>554 &lt;a@b&gt;... Remote protocol error</c>). Sendmail's line paraphrases;
/// the <c>&lt;&lt;&lt;</c> line above it in the same session is what the remote server said, and the <c>&gt;&gt;&gt;</c>
/// line above that is the command it answered.
/// </summary>
public static partial class SendmailTranscript
{
    /// <summary>The remote reply quoted for one recipient, and the stage (the command it answered).</summary>
    public sealed record RemoteReply(string Reply, SmtpStage Stage);

    /// <summary>
    /// The nearest <c>&lt;&lt;&lt;</c> reply above the recipient's own sendmail line, within its "While talking to"
    /// session, when that line quotes no remote reply of its own (<c>554 &lt;a@b&gt;... 550 Host unknown</c> does); else null.
    /// </summary>
    public static RemoteReply? RemoteReplyFor(string section, string recipient)
    {
        if (!section.Contains("<<<", StringComparison.Ordinal)) return null;
        var lines = section.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var own = RecipientLine().Match(lines[i]);
            if (!own.Success || !own.Groups["addr"].Value.Equals(recipient, StringComparison.OrdinalIgnoreCase)) continue;
            if (QuotesReply().IsMatch(own.Groups["text"].Value)) return null;
            for (var j = i - 1; j >= 0; j--)
            {
                var line = lines[j].TrimStart();
                if (line.StartsWith("While talking to", StringComparison.OrdinalIgnoreCase)) return null;
                if (!line.StartsWith("<<< ", StringComparison.Ordinal) || !FailingReply().IsMatch(line)) continue;
                var command = j > 0 && lines[j - 1].TrimStart().StartsWith(">>> ", StringComparison.Ordinal)
                    ? StageDetector.FromCommand(lines[j - 1].TrimStart()[4..]) : SmtpStage.Unknown;
                return new RemoteReply(line, command);
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// The local delivery program's own message for <paramref name="recipient"/> (<c>mail.local: unknown user: a</c>),
    /// when it is the line right above sendmail's line for the recipient and that line quotes no remote reply; else
    /// null. Sendmail's <c>554 &lt;a@b&gt;... Service unavailable</c> there is only its wording of the program's exit
    /// status, and its code no server's reply: the program's line says why.
    /// </summary>
    public static string? LocalMailerMessageFor(string text, string? recipient)
    {
        if (string.IsNullOrEmpty(recipient) || !text.Contains(">...", StringComparison.Ordinal)) return null;
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var own = RecipientLine().Match(lines[i]);
            if (!own.Success || !own.Groups["addr"].Value.Equals(recipient.Trim('<', '>', ' '), StringComparison.OrdinalIgnoreCase)) continue;
            if (QuotesReply().IsMatch(own.Groups["text"].Value)) return null;
            var above = LocalMailerLine().Match(lines[i - 1]);
            return above.Success ? above.Value.Trim() : null;
        }
        return null;
    }

    // A local delivery program's message: "mail.local: unknown user: a", "procmail: Quota exceeded".
    [GeneratedRegex(@"^\s*[a-z][a-z0-9._\-]*: \S.*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalMailerLine();

    // sendmail's own line for a recipient: "554 <a@b>... text".
    [GeneratedRegex(@"^\s*[45]\d\d\s+<(?<addr>[^>\s]+@[^>\s]+)>\.\.\.\s*(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex RecipientLine();

    // The recipient's line already carries the remote reply: "... 550 Host unknown".
    [GeneratedRegex(@"^[45]\d\d[ \-]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotesReply();

    [GeneratedRegex(@"^<<<\s+[45]\d\d[ \-]", RegexOptions.CultureInvariant)]
    private static partial Regex FailingReply();
}
