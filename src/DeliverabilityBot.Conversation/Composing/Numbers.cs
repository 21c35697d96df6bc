using System.Globalization;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Conversation.Composing;

/// <summary>How answers write numbers, shares and times: invariant culture, UTC, no surprises.</summary>
public static class Numbers
{
    /// <summary><c>12,345</c>.</summary>
    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary><c>31%</c>, <c>4.2%</c> or <c>0.3%</c>; <c>0%</c> when the whole is zero.</summary>
    public static string Percent(long part, long whole) => Core.Text.Shares.Percent(part, whole);

    /// <summary><c>620 of 2,000 (31%)</c>.</summary>
    public static string Share(long part, long whole) => $"{Count(part)} of {Count(whole)} ({Percent(part, whole)})";

    /// <summary><c>2026-11-28 03:12 UTC</c>.</summary>
    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary><c>2026-11-27 05:00 to 2026-11-28 05:00 UTC</c>.</summary>
    public static string Window(TimeWindow w) =>
        w.From.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " to " + Time(w.To);
}
