namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// Finds the first construct in a regex that only a backtracking engine can run (what .NET's
/// <c>RegexOptions.NonBacktracking</c> refuses) and says how to write the rule without it.
/// </summary>
internal static class BacktrackingConstructs
{
    /// <summary>"lookahead '(?!' at offset 12: ..." for the first such construct, or null when none is found.</summary>
    public static string? Describe(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (!inClass && (next is >= '1' and <= '9' || next == 'k' && i + 2 < pattern.Length && pattern[i + 2] is '<' or '\''))
                    return At("backreference", pattern, i, next == 'k' ? 3 : 2,
                        "write the alternatives the reference stands for explicitly");
                if (!inClass && next == 'G')
                    return At("contiguous-match anchor", pattern, i, 2, "leave it out: a rule regex searches the whole reply once");
                i++;
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++; // a ']' first in a class is a literal
                continue;
            }
            if (c != '(' || i + 2 >= pattern.Length || pattern[i + 1] != '?') continue;
            var rest = pattern.AsSpan(i + 2);
            if (rest.StartsWith("<=") || rest.StartsWith("<!"))
                return At("lookbehind", pattern, i, 4, Lookaround);
            if (rest.StartsWith("=") || rest.StartsWith("!"))
                return At("lookahead", pattern, i, 3, Lookaround);
            if (rest.StartsWith(">"))
                return At("atomic group", pattern, i, 3, "write (?: instead: the non-backtracking engine never backtracks, so the group is atomic already");
            if (BalancingGroup(rest))
                return At("balancing group", pattern, i, 3, "match the parts with separate conditions, or write the nesting out for the depths that occur");
            if (rest.StartsWith("("))
                return At("conditional", pattern, i, 3, "write the two branches as an alternation (a|b), or as two rules");
        }
        return null;
    }

    // (?<name-other>...) or (?'name-other'...), also with the first name left out.
    private static bool BalancingGroup(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] is not ('<' or '\'')) return false;
        var close = rest[0] == '<' ? '>' : '\'';
        var end = rest[1..].IndexOf(close);
        return end > 0 && rest[1..(end + 1)].Contains('-');
    }

    private const string Lookaround =
        "match the excluded wording with a separate condition (all: [regex: 'wanted', not: {regex: 'excluded'}]), " +
        "or consume the neighbouring character ((?:\\D|$) for (?!\\d)) or use \\b";

    private static string At(string construct, string pattern, int index, int length, string rewrite) =>
        $"{construct} '{pattern.Substring(index, Math.Min(length, pattern.Length - index))}' at offset {index} needs a backtracking engine, " +
        $"which rule regexes do not use (a hostile reply could make it run for seconds); {rewrite}";
}
