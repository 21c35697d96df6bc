using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DeliverabilityBot.Server.Webhooks;

/// <summary>Checks several providers share: age of a signed time, constant-time comparisons, configured durations.</summary>
internal static class WebhookChecks
{
    /// <summary>Unix seconds (integer or fractional) as a time, or null when not a number.</summary>
    public static DateTimeOffset? UnixSeconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000))
            : null;

    /// <summary>True when <paramref name="signedAt"/> is within <paramref name="tolerance"/> of <paramref name="now"/>, either way (clock skew).</summary>
    public static bool IsFresh(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan tolerance) => (now - signedAt).Duration() <= tolerance;

    /// <summary>Compares two texts in constant time (for their length): secrets, hex or base64 signatures.</summary>
    public static bool SameText(string? given, string expected)
    {
        if (given is null) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>A short, fixed-size key for a signature (replay keys need not hold the whole of it).</summary>
    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    /// <summary>A tolerance setting: positive, or the startup error naming it.</summary>
    public static TimeSpan Tolerance(TimeSpan value, string section) =>
        value > TimeSpan.Zero ? value : throw WebhookSettings.Wrong(section, "Tolerance", "must be a positive duration such as 00:10:00");
}
