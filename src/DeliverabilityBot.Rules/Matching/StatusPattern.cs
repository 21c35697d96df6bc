using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Rules.Matching;

/// <summary>An enhanced status pattern: <c>5.7.1</c>, <c>4.7.*</c>, <c>5.*.*</c>.</summary>
public sealed class StatusPattern
{
    private readonly int _class;
    private readonly int? _subject;
    private readonly int? _detail;

    private StatusPattern(int @class, int? subject, int? detail)
    {
        _class = @class;
        _subject = subject;
        _detail = detail;
    }

    /// <summary>The status class (2, 4 or 5).</summary>
    public int StatusClass => _class;

    /// <summary>Parses <c>c.s.d</c> where subject and detail may be <c>*</c> (a <c>*</c> subject needs a <c>*</c> detail).</summary>
    public static bool TryParse(string text, out StatusPattern? pattern)
    {
        pattern = null;
        var parts = text.Trim().Split('.');
        if (parts.Length != 3 || parts[0] is not ("2" or "4" or "5")) return false;
        if (!TryPart(parts[1], out var s) || !TryPart(parts[2], out var d)) return false;
        if (s is null && d is not null) return false;
        pattern = new StatusPattern(parts[0][0] - '0', s, d);
        return true;
    }

    private static bool TryPart(string p, out int? value)
    {
        value = null;
        if (p == "*") return true;
        if (p.Length is < 1 or > 3 || !p.All(char.IsAsciiDigit)) return false;
        value = int.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>True when <paramref name="status"/> fits.</summary>
    public bool Matches(EnhancedStatusCode status) =>
        status.Class == _class && (_subject is null || status.Subject == _subject) && (_detail is null || status.Detail == _detail);

    /// <inheritdoc />
    public override string ToString() => $"{_class}.{_subject?.ToString() ?? "*"}.{_detail?.ToString() ?? "*"}";
}
