using System.Text.RegularExpressions;
using DeliverabilityBot.Rules.Matching;

namespace DeliverabilityBot.Rules.Tests.Matching;

/// <summary>
/// The prefilter is sound only if its folding agrees with the regex engine's case-insensitive matching for every
/// character it treats as exact; these tests ask the engine itself, over every UTF-16 code unit.
/// </summary>
public class CaseFoldTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static IEnumerable<char> AllChars() =>
        Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c);

    [Fact]
    public void IsExact_EveryCharacterOutsideTheExactSet_MatchesNoExactCharacterIgnoringCase()
    {
        // One class of every exact character: anything else it matches ignoring case would be an equivalent the fold misses.
        var exactClass = new Regex(@"^[\x00-\x7F\u212A\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF]$", Options);

        var leaks = AllChars().Where(c => !CaseFold.IsExact(c) && exactClass.IsMatch(c.ToString())).Select(c => $"U+{(int)c:X4}").ToArray();

        Assert.Empty(leaks);
    }

    [Fact]
    public void Fold_AsciiAndKelvin_EqualExactlyWhenTheRegexMatchesIgnoringCase()
    {
        var chars = Enumerable.Range(0, 0x80).Select(c => (char)c).Append('\u212A').ToArray();
        foreach (var a in chars)
        {
            var regex = new Regex("^" + Regex.Escape(a.ToString()) + "$", Options);
            foreach (var b in chars)
                Assert.True(regex.IsMatch(b.ToString()) == (CaseFold.Fold(a) == CaseFold.Fold(b)), $"U+{(int)a:X4} vs U+{(int)b:X4}");
        }
    }

    [Fact]
    public void IsCaseless_EveryCharacterInTheRanges_HasNoOtherCase()
    {
        var caseless = AllChars().Where(CaseFold.IsCaseless).ToArray();

        Assert.All(caseless, c => Assert.True(char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c, $"U+{(int)c:X4}"));
        Assert.True(caseless.Length > 35_000, $"{caseless.Length} caseless characters");
    }

    [Theory]
    [InlineData("User Unknown", "user unknown")]
    [InlineData("Mailbox \u212Aept", "mailbox kept")]
    [InlineData("already folded 123", "already folded 123")]
    [InlineData("宛先 ÉTÉ", "宛先 ÉtÉ")]
    public void FoldText_Text_FoldsOnlyAsciiLettersAndKelvin(string text, string expected) =>
        Assert.Equal(expected, CaseFold.FoldText(text));
}
