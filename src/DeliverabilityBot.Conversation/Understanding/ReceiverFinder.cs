using System.Text.RegularExpressions;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>Finds the receiver a (lower-case, spelling-corrected) question is about.</summary>
public static partial class ReceiverFinder
{
    private static readonly (string Name, string Id)[] Names = ReceiverLexicon.All
        .SelectMany(r => r.Names.Concat(r.Domains).Select(n => (n, r.Id)))
        .OrderByDescending(p => p.n.Length)
        .ToArray();

    // Not inside a word, an address or a host name ("mail.icloud.com" is a host, not a question about it), but after
    // punctuation such as "...icloud?" a name still counts.
    private static readonly Regex Pattern = new(
        @"(?<![\w@\-])(?<!\w\.)(?<name>" + string.Join("|", Names.Select(n => Regex.Escape(n.Name))) + @")(?![\w\-]|\.[a-z])",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>
    /// The receiver id named in <paramref name="text"/>, or null. When several are named, the one mail goes to
    /// ("to icloud", "at gmail") wins, else the first.
    /// </summary>
    public static string? Find(string text)
    {
        string? first = null;
        foreach (Match m in Pattern.Matches(text))
        {
            var id = Lookup(m.Groups["name"].Value);
            if (id is null || IsCommonWordUse(text, m)) continue;
            if (Destination().IsMatch(text[..m.Index])) return id;
            first ??= id;
        }
        return first;
    }

    private static string? Lookup(string name)
    {
        foreach (var (n, id) in Names) if (n == name) return id;
        return null;
    }

    // "live" and "apple" are receivers only when not used as ordinary words ("go live", "apple pie").
    private static bool IsCommonWordUse(string text, Match m)
    {
        var name = m.Groups["name"].Value;
        if (name != "live") return false;
        var before = text[..m.Index].TrimEnd();
        return before.EndsWith("go", StringComparison.Ordinal) || before.EndsWith("we", StringComparison.Ordinal)
            || before.EndsWith("went", StringComparison.Ordinal) || text[(m.Index + m.Length)..].TrimStart().StartsWith("in ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(?:to|at|for|into|towards)\s+(?:the\s+)?$")]
    private static partial Regex Destination();
}
