namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>Matches the host globs of receiver blocks (<c>*</c> = any run of characters, ordinal, lower case).</summary>
public static class Wildcard
{
    /// <summary>True when <paramref name="text"/> matches <paramref name="glob"/> whole.</summary>
    public static bool IsMatch(string glob, string text) => Match(glob.AsSpan(), text.AsSpan());

    // Classic greedy star matching with one backtrack point: linear enough for host names.
    private static bool Match(ReadOnlySpan<char> g, ReadOnlySpan<char> t)
    {
        int gi = 0, ti = 0, star = -1, mark = 0;
        while (ti < t.Length)
        {
            if (gi < g.Length && g[gi] == '*') { star = gi++; mark = ti; }
            else if (gi < g.Length && g[gi] == t[ti]) { gi++; ti++; }
            else if (star >= 0) { gi = star + 1; ti = ++mark; }
            else return false;
        }
        while (gi < g.Length && g[gi] == '*') gi++;
        return gi == g.Length;
    }
}
