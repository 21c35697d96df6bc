using System.Globalization;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>
/// Where a regex <c>\b</c> holds, as .NET's engines decide it: between a word character and a non-word character (or an
/// end of the text). Word characters are <c>\w</c> (letters, non-spacing marks, decimal digits, connector punctuation)
/// plus the zero-width joiner and non-joiner; a test compares this with the engine over every UTF-16 unit.
/// </summary>
public static class WordBoundary
{
    private const int WordCategories =
        1 << (int)UnicodeCategory.UppercaseLetter | 1 << (int)UnicodeCategory.LowercaseLetter |
        1 << (int)UnicodeCategory.TitlecaseLetter | 1 << (int)UnicodeCategory.ModifierLetter |
        1 << (int)UnicodeCategory.OtherLetter | 1 << (int)UnicodeCategory.NonSpacingMark |
        1 << (int)UnicodeCategory.DecimalDigitNumber | 1 << (int)UnicodeCategory.ConnectorPunctuation;

    /// <summary>True when <c>\b</c> holds at <paramref name="index"/> (0 to the text's length) of <paramref name="text"/>.</summary>
    public static bool IsAt(string text, int index) =>
        (index > 0 && IsWordChar(text[index - 1])) != (index < text.Length && IsWordChar(text[index]));

    /// <summary>True for a character <c>\b</c> counts as part of a word.</summary>
    public static bool IsWordChar(char c) =>
        c < 0x80
            ? char.IsAsciiLetterOrDigit(c) || c == '_'
            : (WordCategories & (1 << (int)CharUnicodeInfo.GetUnicodeCategory(c))) != 0 || c is '\u200C' or '\u200D';
}
