using System.Globalization;
using System.Text.RegularExpressions;
using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Application.Windows;

/// <summary>
/// Turns <c>--since 24h</c> into a window. The window ends at the end of the UTC hour holding the newest stored
/// event when the data is older than now (so sample data still answers), else at the end of the current
/// hour; whole hours are read from the hourly rollups.
/// </summary>
public static partial class WindowSpec
{
    /// <summary>The default window length.</summary>
    public static TimeSpan DefaultLength { get; } = TimeSpan.FromHours(24);

    /// <summary>Parses <c>90m</c>, <c>24h</c>, <c>7d</c>, <c>2w</c> (a bare number is hours).</summary>
    /// <exception cref="FormatException">Not a duration; the message says what is accepted.</exception>
    public static TimeSpan ParseLength(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DefaultLength;
        var m = Duration().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
            throw new FormatException($"--since '{text}' is not a duration; use e.g. 90m, 24h, 7d or 2w.");
        return m.Groups["u"].Value.ToLowerInvariant() switch
        {
            "m" or "min" => TimeSpan.FromMinutes(n),
            "d" => TimeSpan.FromDays(n),
            "w" => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.FromHours(n),
        };
    }

    /// <summary>The window of <paramref name="length"/> ending at the anchor described above.</summary>
    public static TimeWindow Anchored(TimeSpan length, DateTimeOffset? newestEvent, DateTimeOffset now)
    {
        var anchor = newestEvent is { } newest && newest < now ? newest : now;
        var end = new DateTimeOffset(anchor.UtcTicks - anchor.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero).AddHours(1);
        return new TimeWindow(end - length, end);
    }

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<u>m|min|h|d|w)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
