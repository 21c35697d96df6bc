using System.Text.RegularExpressions;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// Separates pasted evidence (SMTP replies, MTA log lines, DSN fields, code blocks) from the words around it,
/// so the question's words decide the intent and the evidence goes to the classifier untouched.
/// </summary>
public static partial class EvidenceDetector
{
    /// <summary>Splits cleaned text into the prose and the pasted evidence (null when there is none).</summary>
    public static (string Prose, string? Evidence) Split(StrippedText stripped)
    {
        var prose = new List<string>();
        var evidence = new List<string>();
        var blockLines = new HashSet<string>(stripped.CodeBlocks.SelectMany(b => b.Split('\n')).Select(l => l.Trim()), StringComparer.Ordinal);
        var lines = stripped.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            if (blockLines.Contains(line) || LooksLikeEvidence(line) || (evidence.Count > 0 && IsContinuation(line)))
                evidence.Add(line);
            else
                prose.Add(line);
        }
        // A single line that starts with a reply code is a pasted reply, whatever precedes it on the line.
        if (evidence.Count == 0 && lines.Length == 1 && InlineReply().Match(lines[0]) is { Success: true } m)
            return (lines[0][..m.Index].Trim(), lines[0][m.Index..].Trim());
        return (string.Join(' ', prose), evidence.Count > 0 ? string.Join('\n', evidence) : null);
    }

    /// <summary>True when a line has the shape of bounce evidence rather than a question.</summary>
    public static bool LooksLikeEvidence(string line) => EvidenceLine().IsMatch(line);

    // Lines of a DSN or multi-line reply that follow evidence (wrapped text, headers) stay with it.
    private static bool IsContinuation(string line) => !line.EndsWith('?') && ContinuationLine().IsMatch(line);

    [GeneratedRegex(@"^(?:[245]\d\d[ \-]|[245]\.\d{1,3}\.\d{1,3}\s)|status=(?:sent|deferred|bounced|expired)|\bsaid:\s|refused to talk to me|\bin reply to (?:rcpt to|mail from|end of data|data)\b|^(?:diagnostic-code|final-recipient|original-recipient|action|status|remote-mta|reporting-mta|last-attempt-date|will-retry-until|x-postfix-\w+):|^\S+ \d+ \d\d:\d\d:\d\d \S+ \S+\[\d+\]:|^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d.*(?:\*\*|==|=>|->)\s|\bstat=|^<[^>\s]+@[^>\s]+>:|^smtp;\s*\d{3}", RegexOptions.IgnoreCase)]
    private static partial Regex EvidenceLine();

    [GeneratedRegex(@"^(?:[\w\-]+:\s|\(|https?://|[A-Z0-9]{2,}\b|.*\b(?:host|mx\d*|smtp|mail)\b.*\[|.*\d\.\d\.\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ContinuationLine();

    [GeneratedRegex(@"(?<![\w.])[245]\d\d[ \-][245]\.\d{1,3}\.\d{1,3}\b.{12,}")]
    private static partial Regex InlineReply();
}
