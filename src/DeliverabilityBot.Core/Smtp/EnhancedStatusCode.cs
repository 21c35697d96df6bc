using System.Diagnostics.CodeAnalysis;

namespace DeliverabilityBot.Core.Smtp;

/// <summary>An RFC 3463 enhanced mail system status code: <c>class.subject.detail</c>, e.g. <c>5.7.1</c>.</summary>
/// <remarks>A sealed class rather than a record so it is safe as (part of) an NRules fact.</remarks>
public sealed class EnhancedStatusCode : IEquatable<EnhancedStatusCode>
{
    /// <summary>Creates a code; values are not range-checked beyond RFC 3463's digit limits.</summary>
    public EnhancedStatusCode(int @class, int subject, int detail)
    {
        Class = @class;
        Subject = subject;
        Detail = detail;
    }

    /// <summary>2 success, 4 persistent transient failure, 5 permanent failure.</summary>
    public int Class { get; }

    /// <summary>0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content, 7 security/policy.</summary>
    public int Subject { get; }

    /// <summary>The detail number (1 to 3 digits).</summary>
    public int Detail { get; }

    /// <summary>True for class 5.</summary>
    public bool IsPermanent => Class == 5;

    /// <summary>True for class 4.</summary>
    public bool IsTransient => Class == 4;

    /// <summary>Parses exactly <c>c.s.d</c> (no surrounding text).</summary>
    /// <exception cref="FormatException">The text is not an enhanced status code.</exception>
    public static EnhancedStatusCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an RFC 3463 enhanced status code (class.subject.detail, e.g. 5.7.1).");

    /// <summary>Parses exactly <c>c.s.d</c>: class 2, 4 or 5; subject 0-999; detail 0-999.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out EnhancedStatusCode? code)
    {
        code = null;
        var first = text.IndexOf('.');
        if (first != 1) return false;
        var rest = text[2..];
        var second = rest.IndexOf('.');
        if (second < 1 || second > 3) return false;
        var detailSpan = rest[(second + 1)..];
        if (detailSpan.Length is < 1 or > 3) return false;
        var c = text[0] - '0';
        if (c is not (2 or 4 or 5)) return false;
        if (!TryDigits(rest[..second], out var s) || !TryDigits(detailSpan, out var d)) return false;
        code = new EnhancedStatusCode(c, s, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        foreach (var ch in span)
        {
            if (ch is < '0' or > '9') return false;
            value = value * 10 + (ch - '0');
        }
        return span.Length > 0;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Class}.{Subject}.{Detail}";

    /// <inheritdoc />
    public bool Equals(EnhancedStatusCode? other) =>
        other is not null && other.Class == Class && other.Subject == Subject && other.Detail == Detail;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EnhancedStatusCode);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Class, Subject, Detail);
}
