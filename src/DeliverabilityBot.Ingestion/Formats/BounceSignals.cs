using System.Text.RegularExpressions;
using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// Tells whether an email without an RFC 3464 report is a bounce at all: who sent it (a mailer daemon or postmaster),
/// the subject the MTAs use, <c>X-Failed-Recipients</c>, or a known format's opening line. A message with none of
/// these is not a bounce and yields nothing.
/// </summary>
public static partial class BounceSignals
{
    /// <summary>True when <paramref name="m"/> looks like a non-delivery or delay notice.</summary>
    public static bool IsBounce(BounceMessage m)
    {
        if (m.Header("X-Failed-Recipients") is not null) return true;
        if (DaemonSender().IsMatch(m.From) || DaemonName().IsMatch(m.FromText)) return true;
        if (BounceSubject().IsMatch(m.Subject)) return true;
        return TextBounceFormats.Detect(m) is not null;
    }

    // Sender local parts used by MTAs for notices (qmail, Postfix, sendmail, Exchange, Yahoo, ...).
    [GeneratedRegex(@"^(?:mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|postmaster|post_master|mail\.daemon|mdaemon|mmdf|bounce[s]?|nobody|mail delivery subsystem)(?:[@+]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DaemonSender();

    [GeneratedRegex(@"Mail Delivery (?:System|Subsystem)|Mail Administrator|System Administrator|Postmaster|MAILER-DAEMON|Delivery Subsystem|Mail Delivery Service", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DaemonName();

    [GeneratedRegex(@"undeliver|delivery (?:status|fail|notification|problem|report|has failed)|returned mail|failure notice|mail delivery fail|could not be delivered|non[- ]?delivery|nondeliverable|returned to sender|mail system error|could not send|unable to deliver|delivery failure|failed delivery|mail not delivered|message not delivered|message delivery|bounced mail|warning: message|delayed mail|mail failure|error sending|rejected:|not delivered|配信|不達|エラー", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BounceSubject();
}
