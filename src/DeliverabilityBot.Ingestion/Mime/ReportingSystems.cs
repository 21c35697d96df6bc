namespace DeliverabilityBot.Ingestion.Mime;

/// <summary>
/// Systems whose bounces are told apart from the generic layout they use (RFC 3464, or a text layout another MTA
/// shares). They word their own recipient lookups in ways rules need to tell from a remote reply, so an event they
/// reported carries their name as its source format instead of the layout's.
/// </summary>
public static class ReportingSystems
{
    /// <summary>Every recognised system, checked in order.</summary>
    public static IReadOnlyList<ReportingSystem> All { get; } =
    [
        // The gateway stamps every message it writes or modifies with this header.
        new("mcafee", m => m.Header("X-NAI-Header") is not null, "McAfee Email Gateway / Email and Web Security (lhost-mcafee)"),
        new("messagelabs", m => IsFromDomain(m, "messagelabs.com"), "Symantec MessageLabs / Email Security.cloud (lhost-messagelabs)"),
        new("google", m => m.From is "mailer-daemon@googlemail.com" or "mailer-daemon@google.com", "Gmail and Google Workspace (lhost-gsuite, lhost-gmail)"),
        // Verizon's vtext/vzwpix gateways write Apache James' layout; the sender tells them apart.
        new("verizon", m => IsFromDomain(m, "vtext.com") || IsFromDomain(m, "vzwpix.com"), "Verizon Wireless SMS/MMS gateways (lhost-verizon)"),
    ];

    /// <summary>The name of the system that wrote <paramref name="message"/>, or null when none is recognised.</summary>
    public static string? Detect(BounceMessage message)
    {
        foreach (var s in All)
            if (s.Wrote(message)) return s.Name;
        return null;
    }

    private static bool IsFromDomain(BounceMessage m, string domain) =>
        m.From.EndsWith("@" + domain, StringComparison.Ordinal) || m.From.EndsWith("." + domain, StringComparison.Ordinal);
}
