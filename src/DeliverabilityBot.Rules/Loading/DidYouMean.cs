namespace DeliverabilityBot.Rules.Loading;

/// <summary>Suggests the nearest known name for a misspelt one (Levenshtein distance, case-insensitive).</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate within a distance of 2 (and less than half the word), or null.</summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return bestDistance <= 2 && bestDistance * 2 < Math.Max(word.Length, 2) ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or an empty string.</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Suggest(word, candidates) is { } s ? $"; did you mean '{s}'?" : string.Empty;

    /// <summary>Levenshtein edit distance.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64) return int.MaxValue / 2;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
