namespace DeliverabilityBot.Conversation.Answers;

/// <summary>
/// Masks email addresses in an answer (<c>jane.doe@icloud.com</c> becomes <c>j***@icloud.com</c>): the domain says
/// which receiver, the mailbox is personal data others in a channel need not see. Applied to the answer model, so
/// every renderer (Teams, Slack, web, CLI) shows the same masked text.
/// </summary>
public static class AnswerMasker
{
    /// <summary>True when an answer for this conversation must be masked.</summary>
    public static bool ShouldMask(RecipientMasking mode, bool directConversation) => mode switch
    {
        RecipientMasking.Always => true,
        RecipientMasking.Never => false,
        _ => !directConversation,
    };

    /// <summary>A copy of <paramref name="answer"/> with every address in its text masked, block by block.</summary>
    public static Answer Mask(Answer answer) => new()
    {
        Intent = answer.Intent,
        Headline = MaskAddresses(answer.Headline),
        Subject = MaskAddresses(answer.Subject),
        Blocks = answer.Blocks.Select(b => b.MapText(MaskAddresses)).ToList(),
        FollowUps = answer.FollowUps.Select(MaskAddresses).ToList(),
    };

    /// <summary>
    /// <paramref name="text"/> with each <c>local@domain.tld</c> shown as its first character, <c>***</c> and the domain.
    /// One linear pass (reply texts come from the outside world; no regex to backtrack on).
    /// </summary>
    public static string MaskAddresses(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0) return text;
        var output = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        for (; at >= 0 && at < text.Length; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > copied && IsLocalChar(text[start - 1])) start--;
            var end = at + 1;
            var dots = 0;
            while (end < text.Length && IsDomainChar(text[end])) { if (text[end] == '.') dots++; end++; }
            while (end > at + 1 && text[end - 1] is '.' or '-') { if (text[end - 1] == '.') dots--; end--; } // a sentence's full stop
            if (start == at || dots == 0 || text[at + 1] is '.' or '-') continue;
            output.Append(text, copied, start - copied).Append(text[start]).Append("***");
            copied = at;
        }

        return copied == 0 ? text : output.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '=' or '\'' or '!' or '#' or '$' or '&' or '*' or '/' or '?' or '^' or '`' or '{' or '|' or '}' or '~';

    private static bool IsDomainChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
}
