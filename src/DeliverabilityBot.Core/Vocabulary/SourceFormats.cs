namespace DeliverabilityBot.Core.Vocabulary;

/// <summary>
/// Names of the systems and formats that produce evidence (<see cref="Events.BounceEvent.SourceFormat"/>), as rules
/// name them in a <c>format</c> condition. A DSN whose reporting system is recognised carries that system's name
/// (e.g. <c>mcafee</c>) instead of the generic <c>rfc3464</c>, since some systems word their own lookups in ways
/// only they use.
/// </summary>
public static class SourceFormats
{
    /// <summary>Every format name rules may name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // Standard reports and vendor-neutral formats.
        "rfc3464", "rfc3834", "arf", "jmrp", "amazonses",
        // MTA logs.
        "postfix", "exim", "sendmail",
        // Text bounces without a delivery-status part (the rows of the text-bounce format table).
        "qmail", "dragonfly", "gmail", "googlegroups", "yahoo", "exchange2003", "exchange2007", "opensmtpd",
        "apachejames", "imailserver", "zoho", "fml", "generic",
        // Reporting systems recognised by their headers or notice (DSN or text).
        "google", "mcafee", "messagelabs", "verizon",
        // A bare SMTP reply: pasted or handed over with no bounce report or log around it, so nothing could name its stage.
        "reply",
    };

    /// <summary>True if <paramref name="name"/> is a known format name.</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}
