using System.Runtime.CompilerServices;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// <see cref="Addresses.Normalize"/> for the addresses MTA logs write between angle brackets: a plain
/// <c>local@dotted.domain</c> is the whole match of <see cref="Addresses.AddressPattern"/>, so it is checked by hand
/// and only lower-cased; anything else goes through the pattern.
/// </summary>
internal static class LogAddress
{
    private const string LocalPunctuation = "!#$%&'*+/=?^_`{|}~.-";

    /// <summary>The normalised address, or null when it is not one.</summary>
    public static string? Normalize(string? raw) =>
        raw is not null && IsPlain(raw) ? raw.Trim('.').ToLowerInvariant() : Addresses.Normalize(raw);

    // [local chars]+ "@" label ("." label)+, a label being [A-Za-z0-9] or [A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlain(string s)
    {
        var at = s.IndexOf('@');
        if (at < 1) return false;
        for (var i = 0; i < at; i++)
            if (!char.IsAsciiLetterOrDigit(s[i]) && !LocalPunctuation.Contains(s[i])) return false;
        var labels = 0;
        var i2 = at + 1;
        while (true)
        {
            var start = i2;
            while (i2 < s.Length && (char.IsAsciiLetterOrDigit(s[i2]) || s[i2] == '-')) i2++;
            if (i2 == start || s[start] == '-' || s[i2 - 1] == '-') return false;
            labels++;
            if (i2 == s.Length) return labels >= 2;
            if (s[i2] != '.') return false;
            i2++;
        }
    }
}
