using System.Text;

namespace DeliverabilityBot.Core.Text;

/// <summary>
/// Ordinal case-insensitive search (the answers of <see cref="StringComparison.OrdinalIgnoreCase"/>) that stays
/// vectorized under InvariantGlobalization, which this project builds with: there the runtime's OrdinalIgnoreCase
/// <c>IndexOf</c> and <c>Contains</c> are a scalar loop casing every character (about 5% of reading a folder of bounces).
/// When the text and the value are both ASCII (nearly every bounce and reply) an ASCII case-insensitive search gives
/// the same answer; anything else is left to the runtime.
/// </summary>
public static class IgnoreCaseSearch
{
    /// <summary>Where <paramref name="value"/> first occurs in <paramref name="text"/>, ignoring case (ordinal); -1 if nowhere.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > text.Length || !Ascii.IsValid(value) || !Ascii.IsValid(text))
            return text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        var first = value[0];
        var lastStart = text.Length - value.Length;
        for (var from = 0; from <= lastStart;)
        {
            var candidates = text[from..(lastStart + 1)];
            var i = char.IsAsciiLetter(first)
                ? candidates.IndexOfAny((char)(first | 0x20), (char)(first & ~0x20))
                : candidates.IndexOf(first);
            if (i < 0) return -1;
            var at = from + i;
            if (Ascii.EqualsIgnoreCase(text.Slice(at, value.Length), value)) return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>Where <paramref name="value"/> first occurs in <paramref name="text"/> at or after <paramref name="start"/>, ignoring case; -1 if nowhere.</summary>
    public static int IndexOf(string text, string value, int start)
    {
        var i = IndexOf(text.AsSpan(start), value);
        return i < 0 ? -1 : start + i;
    }

    /// <summary>True when <paramref name="text"/> contains <paramref name="value"/>, ignoring case (ordinal).</summary>
    public static bool Contains(ReadOnlySpan<char> text, ReadOnlySpan<char> value) => IndexOf(text, value) >= 0;
}
