using DeliverabilityBot.Core.Text;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>A case-insensitive host or domain glob: <c>*</c> matches any run of characters (including dots).</summary>
public sealed class GlobPattern
{
    private readonly string[] _parts;
    private readonly string _text;

    private GlobPattern(string text)
    {
        _text = text;
        _parts = text.Split('*');
    }

    /// <summary>Parses a glob of host-name characters and <c>*</c>.</summary>
    public static bool TryParse(string text, out GlobPattern? pattern)
    {
        pattern = null;
        var t = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (t.Length == 0 || t.Length > 253) return false;
        foreach (var ch in t)
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '*' or '_')) return false;
        pattern = new GlobPattern(t);
        return true;
    }

    /// <summary>True when the glob has no wildcard.</summary>
    public bool IsLiteral => _parts.Length == 1;

    /// <summary>True when <paramref name="value"/> (lower-case) fits the whole glob.</summary>
    public bool Matches(string value)
    {
        if (_parts.Length == 1) return string.Equals(value, _text, StringComparison.OrdinalIgnoreCase);
        var span = value.AsSpan();
        if (!span.StartsWith(_parts[0], StringComparison.OrdinalIgnoreCase)) return false;
        var pos = _parts[0].Length;
        var last = _parts[^1];
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var idx = IgnoreCaseSearch.IndexOf(span[pos..], _parts[i]);
            if (idx < 0) return false;
            pos += idx + _parts[i].Length;
        }
        return span.Length - pos >= last.Length && span.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override string ToString() => _text;
}
