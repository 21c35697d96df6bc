using System.Globalization;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>Finds a time range in a question: "today", "last 24 hours", "past 3 days", "since Monday", "this week", "48h".</summary>
public static partial class TimeRangeParser
{
    /// <summary>The first time range in <paramref name="text"/>, or null.</summary>
    public static TimeRange? Find(string text)
    {
        var s = text.ToLowerInvariant();
        if (SinceDate().Match(s) is { Success: true } d &&
            DateOnly.TryParseExact(d.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return TimeRange.SinceDate(date);
        if (SinceWeekday().Match(s) is { Success: true } w) return TimeRange.SinceWeekday(Weekday(w.Groups["day"].Value));
        if (SinceYesterday().IsMatch(s)) return TimeRange.Of(TimeRangeKind.SinceYesterday);
        if (LastN().Match(s) is { Success: true } n && Length(n.Groups["n"].Value, n.Groups["unit"].Value) is { } len) return TimeRange.Last(len);
        if (Compact().Match(s) is { Success: true } c && Length(c.Groups["n"].Value, c.Groups["unit"].Value) is { } clen) return TimeRange.Last(clen);
        if (Today().IsMatch(s)) return TimeRange.Of(TimeRangeKind.Today);
        if (Yesterday().IsMatch(s)) return TimeRange.Of(TimeRangeKind.Yesterday);
        if (ThisWeek().IsMatch(s)) return TimeRange.Of(TimeRangeKind.ThisWeek);
        if (ThisMonth().IsMatch(s)) return TimeRange.Of(TimeRangeKind.ThisMonth);
        return null;
    }

    private static TimeSpan? Length(string number, string unit)
    {
        var n = Number(number);
        if (n is null or <= 0 or > 10_000) return null;
        return unit[0] switch
        {
            'm' => TimeSpan.FromMinutes(n.Value),
            'h' => TimeSpan.FromHours(n.Value),
            'd' => TimeSpan.FromDays(n.Value),
            'w' => TimeSpan.FromDays(7 * n.Value),
            _ => null,
        };
    }

    private static int? Number(string word) => word switch
    {
        "" or "a" or "an" or "one" => 1,
        "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8,
        "nine" => 9, "ten" => 10, "twelve" => 12, "fourteen" => 14, "thirty" => 30,
        "twenty-four" or "twenty four" => 24, "forty-eight" or "forty eight" => 48,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null,
    };

    private static DayOfWeek Weekday(string name) => name[..3] switch
    {
        "mon" => DayOfWeek.Monday, "tue" => DayOfWeek.Tuesday, "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday, "fri" => DayOfWeek.Friday, "sat" => DayOfWeek.Saturday, _ => DayOfWeek.Sunday,
    };

    [GeneratedRegex(@"\b(?:since|from)\s+(?<date>\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex SinceDate();

    [GeneratedRegex(@"\b(?:since|from)\s+(?:last\s+)?(?<day>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b")]
    private static partial Regex SinceWeekday();

    [GeneratedRegex(@"\bsince\s+yesterday\b")]
    private static partial Regex SinceYesterday();

    [GeneratedRegex(@"\b(?:last|past|previous|recent)\s+(?<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|twenty[- ]four|forty[- ]eight)?\s*(?<unit>minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)\b")]
    private static partial Regex LastN();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,4})\s?(?<unit>h|hrs?|hours?|d|days?|w|weeks?|mins?|minutes?)\b")]
    private static partial Regex Compact();

    [GeneratedRegex(@"\b(?:today|todays|today's|this morning|this afternoon|tonight|so far)\b")]
    private static partial Regex Today();

    [GeneratedRegex(@"\byesterday\b")]
    private static partial Regex Yesterday();

    [GeneratedRegex(@"\bthis\s+week\b")]
    private static partial Regex ThisWeek();

    [GeneratedRegex(@"\bthis\s+month\b")]
    private static partial Regex ThisMonth();
}
