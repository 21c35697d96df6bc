namespace DeliverabilityBot.Rules.Matching;

/// <summary>An SMTP reply code pattern: <c>554</c>, or <c>5xx</c> / <c>55x</c> with <c>x</c> as any digit.</summary>
public sealed class CodePattern
{
    private readonly string _pattern;

    private CodePattern(string pattern) => _pattern = pattern;

    /// <summary>The reply class the pattern is confined to (its first digit).</summary>
    public int ReplyClass => _pattern[0] - '0';

    /// <summary>Parses <c>NNN</c> with digits or <c>x</c> (first digit 2-5).</summary>
    public static bool TryParse(string text, out CodePattern? pattern)
    {
        pattern = null;
        var t = text.Trim().ToLowerInvariant();
        if (t.Length != 3 || t[0] is < '2' or > '5') return false;
        foreach (var ch in t) if (ch != 'x' && !char.IsAsciiDigit(ch)) return false;
        pattern = new CodePattern(t);
        return true;
    }

    /// <summary>True when <paramref name="code"/> fits.</summary>
    public bool Matches(int code)
    {
        if (code is < 100 or > 999) return false;
        return Digit(0, code / 100) && Digit(1, code / 10 % 10) && Digit(2, code % 10);
    }

    private bool Digit(int i, int d) => _pattern[i] == 'x' || _pattern[i] - '0' == d;

    /// <inheritdoc />
    public override string ToString() => _pattern;
}
