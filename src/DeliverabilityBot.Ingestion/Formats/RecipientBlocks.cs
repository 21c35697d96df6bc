using System.Text.RegularExpressions;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// Splits an error section into one block per failed recipient: the lines from where a recipient is first named to
/// where the next one is. Addresses of the notice's own parties (the sender, the daemon) are not recipients.
/// </summary>
public static class RecipientBlocks
{
    /// <summary>One recipient and the text about it.</summary>
    public sealed record Block(string Recipient, string Text);

    /// <summary>The blocks, in the order the recipients are first named; <paramref name="known"/> (e.g. X-Failed-Recipients) restricts which addresses count.</summary>
    public static IReadOnlyList<Block> Split(string section, IReadOnlySet<string> excluded, IReadOnlyList<string>? known)
    {
        var lines = section.Split('\n');
        var starts = new List<(int Line, string Address)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var partOfAnother = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var previousEnd = -1;
            foreach (Match m in Addresses.AddressPattern().Matches(lines[i]))
            {
                var sameMailbox = IsBracketedAfterAddress(lines[i], previousEnd, m.Index);
                previousEnd = m.Index + m.Length;
                var a = Addresses.Normalize(m.Value);
                if (a is not null && sameMailbox && !seen.Contains(a)) partOfAnother.Add(a);
                if (a is not null && partOfAnother.Contains(a)) continue;
                if (a is null || excluded.Contains(a) || IsDaemon(a) || IsMessageId(lines[i], m) || IsSenderLine(lines[i])) continue;
                if (known is { Count: > 0 } && !known.Contains(a)) continue;
                if (seen.Add(a)) starts.Add((i, a));
            }
        }
        var blocks = new List<Block>(starts.Count);
        for (var k = 0; k < starts.Count; k++)
        {
            var from = starts[k].Line;
            var to = k + 1 < starts.Count ? starts[k + 1].Line : lines.Length;
            if (to == from) to = from + 1; // two recipients on one line share it
            blocks.Add(new Block(starts[k].Address, string.Join('\n', lines[from..to])));
        }
        return blocks;
    }

    // "a@b <c@d>": an address written as the display name of a bracketed one is one mailbox (Exim quotes such a
    // recipient whole in its "malformed address" notice), not two recipients.
    private static bool IsBracketedAfterAddress(string line, int previousEnd, int start) =>
        previousEnd >= 0 && line.AsSpan(previousEnd, start - previousEnd).Trim().SequenceEqual("<");

    private static bool IsDaemon(string address)
    {
        var local = address[..address.IndexOf('@')];
        return local is "mailer-daemon" or "postmaster" or "mail-daemon" or "mailerdaemon";
    }

    // A quoted envelope or header naming the sender ("MAIL FROM: a@b", "From: a@b") is not a failed recipient.
    private static bool IsSenderLine(string line)
    {
        var t = line.AsSpan().TrimStart();
        return t.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("From:", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Sender:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("Reply-To:", StringComparison.OrdinalIgnoreCase);
    }

    // "Message-Id: <E1P1ceB-000FL1-4q@e1.example.org>" or "id <...>" is not a recipient.
    private static bool IsMessageId(string line, Match m)
    {
        var before = line[..m.Index].TrimEnd(' ', '<', '\t');
        return before.EndsWith("Message-ID:", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" id", StringComparison.OrdinalIgnoreCase);
    }
}
