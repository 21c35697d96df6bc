using System.Globalization;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Understanding;

/// <summary>
/// A time range as asked ("last 24 hours", "today", "since Monday", "this week"), resolved against a reference
/// time only when answering, so a follow-up hours later still means what the person said. Days are UTC days.
/// </summary>
public sealed record TimeRange
{
    private TimeRange(TimeRangeKind kind, TimeSpan length, DayOfWeek day, DateOnly date)
    {
        Kind = kind;
        Length = length;
        Day = day;
        Date = date;
    }

    /// <summary>What kind of range.</summary>
    public TimeRangeKind Kind { get; }

    /// <summary>For <see cref="TimeRangeKind.Last"/>: how far back.</summary>
    public TimeSpan Length { get; }

    /// <summary>For <see cref="TimeRangeKind.SinceWeekday"/>: the weekday.</summary>
    public DayOfWeek Day { get; }

    /// <summary>For <see cref="TimeRangeKind.SinceDate"/>: the date.</summary>
    public DateOnly Date { get; }

    /// <summary>The default when nobody says: the last 24 hours.</summary>
    public static TimeRange Default { get; } = Last(TimeSpan.FromHours(24));

    /// <summary>The last <paramref name="length"/> up to the reference time.</summary>
    public static TimeRange Last(TimeSpan length) => new(TimeRangeKind.Last, length, default, default);

    /// <summary>A calendar range (today, yesterday, since yesterday, this week, this month).</summary>
    public static TimeRange Of(TimeRangeKind kind) => new(kind, default, default, default);

    /// <summary>Since the most recent <paramref name="day"/> (today when it is that day), from midnight.</summary>
    public static TimeRange SinceWeekday(DayOfWeek day) => new(TimeRangeKind.SinceWeekday, default, day, default);

    /// <summary>Since a date, from midnight.</summary>
    public static TimeRange SinceDate(DateOnly date) => new(TimeRangeKind.SinceDate, default, default, date);

    /// <summary>
    /// The window [from, to) this range means at <paramref name="reference"/> (UTC days); empty at the reference time when
    /// the range starts after it ("since 2027-01-01" asked in 2026), never a window whose start is after its end.
    /// </summary>
    public TimeWindow Resolve(DateTimeOffset reference)
    {
        var window = Window(reference.ToUniversalTime());
        return window.From <= window.To ? window : new TimeWindow(window.To, window.To);
    }

    private TimeWindow Window(DateTimeOffset now)
    {
        var midnight = new DateTimeOffset(now.Date, TimeSpan.Zero);
        return Kind switch
        {
            TimeRangeKind.Last => new TimeWindow(now - Length, now),
            TimeRangeKind.Today => new TimeWindow(midnight, now),
            TimeRangeKind.Yesterday => new TimeWindow(midnight.AddDays(-1), midnight),
            TimeRangeKind.SinceYesterday => new TimeWindow(midnight.AddDays(-1), now),
            TimeRangeKind.ThisWeek => new TimeWindow(midnight.AddDays(-DaysSince(now.DayOfWeek, DayOfWeek.Monday)), now),
            TimeRangeKind.ThisMonth => new TimeWindow(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero), now),
            TimeRangeKind.SinceWeekday => new TimeWindow(midnight.AddDays(-DaysSince(now.DayOfWeek, Day)), now),
            TimeRangeKind.SinceDate => new TimeWindow(new DateTimeOffset(Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), now),
            _ => throw new InvalidOperationException($"Unknown time range kind {Kind}."),
        };
    }

    /// <summary>Stable short form, e.g. <c>last 24h</c>, <c>today</c>, <c>since monday</c>, <c>since 2026-11-20</c>.</summary>
    public override string ToString() => Kind switch
    {
        TimeRangeKind.Last => "last " + FormatLength(Length),
        TimeRangeKind.Today => "today",
        TimeRangeKind.Yesterday => "yesterday",
        TimeRangeKind.SinceYesterday => "since yesterday",
        TimeRangeKind.ThisWeek => "this week",
        TimeRangeKind.ThisMonth => "this month",
        TimeRangeKind.SinceWeekday => "since " + Day.ToString().ToLowerInvariant(),
        _ => "since " + Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static int DaysSince(DayOfWeek today, DayOfWeek day) => ((int)today - (int)day + 7) % 7;

    private static string FormatLength(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays % 7 == 0 && t.TotalDays >= 7 ? $"{t.TotalDays / 7:0}w"
        : t.TotalHours >= 48 && t.TotalHours % 24 == 0 ? $"{t.TotalDays:0}d"
        : t.TotalMinutes >= 60 && t.TotalMinutes % 60 == 0 ? $"{t.TotalHours:0}h"
        : $"{t.TotalMinutes:0}m";
}

/// <summary>The kinds of <see cref="TimeRange"/>.</summary>
public enum TimeRangeKind
{
    /// <summary>A length back from the reference time.</summary>
    Last,

    /// <summary>Since midnight UTC.</summary>
    Today,

    /// <summary>The previous UTC day.</summary>
    Yesterday,

    /// <summary>Since yesterday's midnight UTC ("since yesterday").</summary>
    SinceYesterday,

    /// <summary>Since Monday midnight UTC.</summary>
    ThisWeek,

    /// <summary>Since the first of the month.</summary>
    ThisMonth,

    /// <summary>Since a weekday's midnight.</summary>
    SinceWeekday,

    /// <summary>Since a date's midnight.</summary>
    SinceDate,
}
