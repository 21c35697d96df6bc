using DeliverabilityBot.Core.Diagnosis;

namespace DeliverabilityBot.Core.Charts;

/// <summary>What a rate chart is to show: a receiver (or all), a window, optionally one sending IP or one line per IP.</summary>
/// <param name="Receiver">A receiver id (or a name people type, normalised by the queries), null for all receivers.</param>
/// <param name="Window">The window.</param>
/// <param name="SendingIp">Only this sending IP, or null for all of them.</param>
/// <param name="BySendingIp">True for one series per sending IP besides the total.</param>
public sealed record TimelineRequest(string? Receiver, TimeWindow Window, string? SendingIp = null, bool BySendingIp = false)
{
    /// <summary>The most per-IP series a chart draws (more lines cannot be told apart); the rest are counted.</summary>
    public const int MaxSendingIps = 6;

    /// <summary>Windows up to this long get hourly buckets; longer ones daily buckets.</summary>
    public static readonly TimeSpan HourlyUpTo = TimeSpan.FromHours(72);

    /// <summary>The longest window a chart covers (a year of daily buckets).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>
    /// True for an address as logs write sending IPs: four dotted decimals, or IPv6 (<see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/>
    /// alone also takes "1.2.3" or "7" as IPv4 shorthand, which no log writes and which would match nothing).
    /// </summary>
    public static bool IsIpAddress(string text) =>
        System.Net.IPAddress.TryParse(text, out var address)
        && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? text.Contains(':') : text.Count(c => c == '.') == 3);

    /// <summary>The bucket width for the window: an hour up to <see cref="HourlyUpTo"/>, else a day.</summary>
    public TimeSpan BucketWidth => Window.Length <= HourlyUpTo ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
}
