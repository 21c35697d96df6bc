using System.Runtime.CompilerServices;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// Reads the timestamp at the start of an MTA log line: RFC 3164 syslog (<c>Nov 28 05:00:01</c>, no year, so the
/// caller's reference year is used), RFC 5424 / ISO 8601 (<c>2026-11-28T05:00:01.123+00:00</c>) and Exim's
/// <c>2026-11-28 05:00:01 [+0000]</c>. Times without a zone are taken as UTC. Read by hand, not by regex and
/// date parsing, since every line of a million-line log starts with one.
/// </summary>
public static class LogTimestamp
{
    private const string Months = "JanFebMarAprMayJunJulAugSepOctNovDec";

    // A zone the date parsing this replaces refused (minutes over 59): the whole timestamp is unreadable.
    private static readonly TimeSpan InvalidZone = TimeSpan.FromDays(1);

    /// <summary>The timestamp leading <paramref name="line"/>, or null.</summary>
    public static DateTimeOffset? Read(string line, int referenceYear) => Read(line.AsSpan(), referenceYear);

    /// <summary>The timestamp leading <paramref name="line"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTimeOffset? Read(ReadOnlySpan<char> line, int referenceYear)
    {
        if (line.Length >= 19 && IsDigit(line[0])) return ReadIso(line);
        if (line.Length >= 15 && line[3] == ' ') return ReadSyslog(line, referenceYear);
        return null;
    }

    // "Nov 28 05:00:01" or "Nov  3 05:00:01".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset? ReadSyslog(ReadOnlySpan<char> s, int year)
    {
        var month = Months.AsSpan().IndexOf(s[..3]);
        if (month < 0 || month % 3 != 0) return null;
        if (!IsDigit(s[5]) || s[6] != ' ' || (s[4] != ' ' && !IsDigit(s[4]))) return null;
        var day = (s[4] == ' ' ? 0 : s[4] - '0') * 10 + (s[5] - '0');
        if (!Time(s[7..15], out var hour, out var minute, out var second)) return null;
        return Build(year, month / 3 + 1, day, hour, minute, second, 0, TimeSpan.Zero);
    }

    // "2026-11-28T05:00:01", optional ".f{1,7}", optional "Z", "+hh:mm", "+hhmm" or " +hhmm".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset? ReadIso(ReadOnlySpan<char> s)
    {
        if (!Digits(s[..4], out var year) || s[4] != '-' || !Digits(s.Slice(5, 2), out var month) || s[7] != '-'
            || !Digits(s.Slice(8, 2), out var day) || s[10] is not ('T' or ' ') || !Time(s[11..19], out var hour, out var minute, out var second))
            return null;
        var at = 19;
        long ticks = 0;
        if (at + 1 < s.Length && s[at] == '.' && IsDigit(s[at + 1]))
        {
            var digits = 0;
            for (at++; at < s.Length && IsDigit(s[at]) && digits < 7; at++, digits++) ticks = ticks * 10 + (s[at] - '0');
            for (; digits < 7; digits++) ticks *= 10;
        }
        return Build(year, month, day, hour, minute, second, ticks, Zone(s[at..]));
    }

    private static TimeSpan Zone(ReadOnlySpan<char> s)
    {
        if (s.Length >= 6 && s[0] == ' ' && s[1] is '+' or '-' && AllDigits(s.Slice(2, 4))) s = s[1..];
        if (s.Length < 5 || s[0] is not ('+' or '-')) return TimeSpan.Zero;
        var colon = s[3] == ':' ? 1 : 0;
        if (s.Length < 5 + colon || !Digits(s.Slice(1, 2), out var h) || !Digits(s.Slice(3 + colon, 2), out var m)) return TimeSpan.Zero;
        if (m > 59) return InvalidZone;
        var offset = new TimeSpan(h, m, 0);
        return s[0] == '-' ? -offset : offset;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offset.Duration() > TimeSpan.FromHours(14))
            return null;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return null;
        return new DateTimeOffset(local, offset);
    }

    private static bool Time(ReadOnlySpan<char> s, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        return Digits(s[..2], out hour) & s[2] == ':' & Digits(s.Slice(3, 2), out minute) & s[5] == ':' & Digits(s.Slice(6, 2), out second);
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!IsDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
