namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// The case folding a rule regex's prefilter compares in: ASCII letters to lower case, and the Kelvin sign to 'k' (the one
/// character outside ASCII that .NET's case-insensitive, culture-invariant regex matching treats as equal to an ASCII
/// letter). Only characters whose case-insensitive class this folding captures exactly (<see cref="IsExact"/>) are used
/// as prefilter literals, so a folded literal is found in the folded text whenever the regex could match it.
/// </summary>
public static class CaseFold
{
    private const char KelvinSign = '\u212A';

    /// <summary>The folded form of <paramref name="c"/>.</summary>
    public static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        KelvinSign => 'k',
        _ => c,
    };

    /// <summary>
    /// True when every character the regex matches for <paramref name="c"/> (ignoring case, culture-invariant) folds to
    /// <see cref="Fold"/>(c) and nothing else does: ASCII, the Kelvin sign, and scripts without case (CJK, kana, Hangul).
    /// </summary>
    public static bool IsExact(char c) => c < 0x80 || c == KelvinSign || IsCaseless(c);

    /// <summary>CJK symbols and punctuation, kana, CJK ideographs and Hangul syllables: no case, no equivalents.</summary>
    public static bool IsCaseless(char c) => c is >= '\u3000' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';

    /// <summary><paramref name="text"/> folded character by character (same length).</summary>
    public static string FoldText(string text)
    {
        var i = 0;
        while (i < text.Length && Fold(text[i]) == text[i]) i++;
        if (i == text.Length) return text;
        return string.Create(text.Length, (text, i), static (span, state) =>
        {
            state.text.AsSpan(0, state.i).CopyTo(span);
            for (var j = state.i; j < span.Length; j++) span[j] = Fold(state.text[j]);
        });
    }
}
