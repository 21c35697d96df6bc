using System.Globalization;
using System.Text.RegularExpressions;

// Frozen copy of the regex-based reader as it was before the hand-written rewrite: the oracle the equivalence
// properties (PostfixEquivalenceProperties) compare the new reader with. Do not change it to follow the new code.
namespace DeliverabilityBot.Ingestion.Tests.Logs.Legacy;

/// <summary>
/// Reads the timestamp at the start of an MTA log line: RFC 3164 syslog (<c>Nov 28 05:00:01</c>, no year, so the
/// caller's reference year is used), RFC 5424 / ISO 8601 (<c>2026-11-28T05:00:01.123+00:00</c>) and Exim's
/// <c>2026-11-28 05:00:01 [+0000]</c>. Times without a zone are taken as UTC.
/// </summary>
public static partial class LegacyLogTimestamp
{
    /// <summary>The timestamp leading <paramref name="line"/>, or null.</summary>
    public static DateTimeOffset? Read(string line, int referenceYear)
    {
        var iso = Iso().Match(line);
        if (iso.Success)
        {
            var text = iso.Groups["dt"].Value.Replace(' ', 'T') + ZoneOf(iso.Groups["zone"].Value);
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        }
        var sys = Syslog().Match(line);
        if (sys.Success)
        {
            var text = $"{sys.Groups["mon"].Value} {sys.Groups["day"].Value.Trim()} {referenceYear} {sys.Groups["time"].Value}";
            if (DateTime.TryParseExact(text, "MMM d yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
                return new DateTimeOffset(d, TimeSpan.Zero);
        }
        return null;
    }

    private static string ZoneOf(string zone) => zone.Length switch
    {
        0 => "Z",
        5 when zone[0] is '+' or '-' && !zone.Contains(':') => zone[..3] + ":" + zone[3..],
        _ => zone.Trim(),
    };

    [GeneratedRegex(@"^(?<dt>\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d{1,7})?)(?<zone>Z|[+-]\d\d:?\d\d| [+-]\d{4})?", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<day>[ \d]\d) (?<time>\d\d:\d\d:\d\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Syslog();
}
