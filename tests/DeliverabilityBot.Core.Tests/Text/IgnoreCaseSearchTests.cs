using CsCheck;
using DeliverabilityBot.Core.Text;

namespace DeliverabilityBot.Core.Tests.Text;

/// <summary><see cref="IgnoreCaseSearch"/> answers exactly as the runtime's OrdinalIgnoreCase search, whatever the text.</summary>
public class IgnoreCaseSearchTests
{
    // Letters in both cases, digits, punctuation, and non-ASCII characters whose case maps to or near ASCII
    // (dotless i, long s, Kelvin sign, sharp s, accented letters): the ASCII path must never be taken for them.
    private static readonly Gen<char> Chars = Gen.Char["aAbBiIkKsSxX09 .@<>-\u0131\u017F\u212A\u00DF\u00E9\u00C9"];

    [Fact]
    public void IndexOf_AnyTextAndValue_SameAsOrdinalIgnoreCase()
    {
        Gen.Select(Gen.String[Chars, 0, 80], Gen.String[Chars, 0, 4])
            .Sample((text, value) => IgnoreCaseSearch.IndexOf(text, value) == text.IndexOf(value, StringComparison.OrdinalIgnoreCase),
                iter: 20_000);
    }

    [Fact]
    public void IndexOf_ValueTakenFromTheTextWithCaseFlipped_FoundWhereOrdinalIgnoreCaseFindsIt()
    {
        Gen.Select(Gen.String[Chars, 1, 200], Gen.Int[0, 199], Gen.Int[1, 12])
            .Sample((text, start, length) =>
            {
                start = Math.Min(start, text.Length - 1);
                var value = FlipAsciiCase(text.Substring(start, Math.Min(length, text.Length - start)));
                return IgnoreCaseSearch.IndexOf(text, value) == text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            }, iter: 20_000);
    }

    [Theory]
    [InlineData("Delivery to <Bob@Example.org> failed", "bob@example.ORG", 13)]
    [InlineData("in reply to RCPT TO command", "rcpt to", 12)]
    [InlineData("short", "longer than the text", -1)]
    [InlineData("abc", "", 0)]
    [InlineData("caf\u00E9 is closed", "CAF\u00C9", 0)]
    public void IndexOf_Examples_SameAsOrdinalIgnoreCase(string text, string value, int expected)
    {
        Assert.Equal(expected, text.IndexOf(value, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, IgnoreCaseSearch.IndexOf(text, value));
    }

    [Fact]
    public void IndexOf_FromStart_FindsOnlyLaterOccurrences()
    {
        const string text = "a@b.org said no; A@B.ORG again";

        Assert.Equal(17, IgnoreCaseSearch.IndexOf(text, "a@b.org", 1));
        Assert.Equal(-1, IgnoreCaseSearch.IndexOf(text, "a@b.org", 18));
    }

    private static string FlipAsciiCase(string s) =>
        string.Concat(s.Select(c => char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c));
}
