using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Vocabulary;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>Finds the receiver a (lower-case, spelling-corrected) question is about, by the names, typos and domains the registry gives.</summary>
public sealed partial class ReceiverFinder
{
    private readonly Dictionary<string, string> _ids;
    private readonly Regex? _pattern;

    /// <summary>Builds the finder over <paramref name="entries"/>; a term two entries share goes to the first.</summary>
    public ReceiverFinder(IEnumerable<ReceiverProfile> entries)
    {
        _ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in entries)
            foreach (var term in r.Names.Concat(r.Typos).Concat(r.Domains))
                _ids.TryAdd(term, r.Id);
        if (_ids.Count == 0) return;
        // Not inside a word, an address or a host name ("mail.icloud.com" is a host, not a question about it), but after
        // punctuation such as "...icloud?" a name still counts. Longest first, so "apple mail" wins over "apple".
        var alternatives = _ids.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape);
        _pattern = new Regex(@"(?<![\w@\-])(?<!\w\.)(?<name>" + string.Join("|", alternatives) + @")(?![\w\-]|\.[a-z])",
            RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// The receiver id named in <paramref name="text"/>, or null. When several are named, the one mail goes to
    /// ("to icloud", "at gmail") wins, else the first.
    /// </summary>
    public string? Find(string text)
    {
        if (_pattern is null) return null;
        string? first = null;
        foreach (Match m in _pattern.Matches(text))
        {
            if (!_ids.TryGetValue(m.Groups["name"].Value, out var id) || IsCommonWordUse(text, m)) continue;
            if (Destination().IsMatch(text[..m.Index])) return id;
            first ??= id;
        }
        return first;
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
