using System.Text.RegularExpressions;
using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// The non-standard (non RFC 3464) bounce formats real MTAs and providers send, one row each. Markers are the
/// fixed sentences each MTA writes; they were taken from the samples named in <see cref="TextBounceFormat.SeenIn"/>.
/// The patterns are source-generated (below the table): each is run over every notification without a report part,
/// and the regex interpreter made this detection one of the larger costs of reading a bounce.
/// </summary>
public static partial class TextBounceFormats
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant;

    /// <summary>Every known format, most specific first.</summary>
    public static IReadOnlyList<TextBounceFormat> All { get; } =
    [
        new("qmail", QmailMarker(), QmailStart(), "qmail 1.03 and netqmail (lhost-qmail)"),
        new("postfix", PostfixMarker(), PostfixStart(), "Postfix notices without a delivery-status part (lhost-postfix)"),
        new("dragonfly", DragonFlyMarker(), DragonFlyStart(), "DragonFly Mail Agent (lhost-dragonfly)"),
        // McAfee MXLogic writes Exim's notice word for word, so this row reads it too.
        new("exim", EximMarker(), EximStart(), "Exim 4 (lhost-exim, lhost-mailru, lhost-mxlogic)"),
        new("gmail", GmailMarker(), null, "Gmail before 2015 (lhost-gmail)"),
        new("googlegroups", GoogleGroupsMarker(), null, "Google Groups (lhost-googlegroups)"),
        new("yahoo", YahooMarker(), null, "Yahoo! Mail (lhost-yahoo)"),
        new("sendmail", SendmailMarker(), null, "sendmail V5 and V8 without DSN (lhost-v5sendmail)"),
        new("exchange2003", Exchange2003Marker(), Exchange2003Start(), "Exchange 2000/2003 (lhost-exchange2003)"),
        new("exchange2007", Exchange2007Marker(), null, "Exchange 2007+ (lhost-exchange2007)"),
        new("opensmtpd", OpenSmtpdMarker(), OpenSmtpdStart(), "OpenSMTPD (lhost-opensmtpd)"),
        new("apachejames", ApacheJamesMarker(), ApacheJamesMarker(), "Apache James, Verizon's vtext gateway (lhost-apachejames, lhost-verizon)"),
        new("imailserver", IMailServerMarker(), null, "IMail Server (lhost-imailserver)"),
        new("zoho", ZohoMarker(), null, "Zoho Mail (lhost-zoho)"),
        // fml's refusal names the list in its first paragraph, then the list's command address in its help text.
        new("fml", FmlMarker(), FmlMarker(), "fml mailing list manager refusing a non-member's post (lhost-fml)", FirstBlankLine()),
        new("generic", GenericMarker(), null, "various older MTAs"),
    ];

    /// <summary>The first format whose marker appears in the message's notification, or null (detected once per message).</summary>
    public static TextBounceFormat? Detect(BounceMessage m) => m.TextFormat;

    /// <summary>The first format whose marker appears in <paramref name="text"/> (a notification), or null.</summary>
    public static TextBounceFormat? Detect(string text)
    {
        if (text.Length == 0) return null;
        foreach (var f in All)
            if (f.Marker.IsMatch(text)) return f;
        return null;
    }

    [GeneratedRegex(@"^Hi\. This is the qmail|^This is the qmail-send|qmail-send program", Opts)]
    private static partial Regex QmailMarker();

    [GeneratedRegex(@"^I'm afraid I wasn't able to deliver|^Sorry, I wasn't able|^I'm not going to try again", Opts)]
    private static partial Regex QmailStart();

    [GeneratedRegex(@"^This is the Postfix program at host", Opts)]
    private static partial Regex PostfixMarker();

    [GeneratedRegex(@"^<[^<>\s@]+@[^<>\s]+>:", Opts)]
    private static partial Regex PostfixStart();

    [GeneratedRegex(@"^This is the DragonFly Mail Agent", Opts)]
    private static partial Regex DragonFlyMarker();

    [GeneratedRegex(@"^There was an error delivering", Opts)]
    private static partial Regex DragonFlyStart();

    [GeneratedRegex(@"^This message was created automatically by mail delivery software", Opts)]
    private static partial Regex EximMarker();

    [GeneratedRegex(@"^A message that you sent|^Message .* has been frozen|^The following address", Opts)]
    private static partial Regex EximStart();

    [GeneratedRegex(@"^Delivery to the following recipient|^Technical details of (?:permanent|temporary) failure|^Google tried to deliver your message", Opts)]
    private static partial Regex GmailMarker();

    [GeneratedRegex(@"Google Groups|^The group you tried to contact|グループ", Opts)]
    private static partial Regex GoogleGroupsMarker();

    [GeneratedRegex(@"^Sorry, we were unable to deliver your message to the following address", Opts)]
    private static partial Regex YahooMarker();

    [GeneratedRegex(@"^-+ ?Transcript of session follows", Opts)]
    private static partial Regex SendmailMarker();

    [GeneratedRegex(@"^Your message\b.*$\s*^\s+To:|did not reach the following recipient", Opts)]
    private static partial Regex Exchange2003Marker();

    [GeneratedRegex(@"did not reach the following recipient", Opts)]
    private static partial Regex Exchange2003Start();

    [GeneratedRegex(@"^Delivery has failed to these recipients or (?:groups|distribution lists)", Opts)]
    private static partial Regex Exchange2007Marker();

    [GeneratedRegex(@"^\s*This is the MAILER-DAEMON, please DO NOT REPLY", Opts)]
    private static partial Regex OpenSmtpdMarker();

    [GeneratedRegex(@"^\s*An error has occurred while attempting to deliver", Opts)]
    private static partial Regex OpenSmtpdStart();

    [GeneratedRegex(@"^Error message below:", Opts)]
    private static partial Regex ApacheJamesMarker();

    [GeneratedRegex(@"^Body of message generated response|^Original message follows", Opts)]
    private static partial Regex IMailServerMarker();

    [GeneratedRegex(@"^This message was created automatically by mail delivery|zoho", Opts)]
    private static partial Regex ZohoMarker();

    [GeneratedRegex(@"^You are not a member of this mailing list", Opts)]
    private static partial Regex FmlMarker();

    [GeneratedRegex(@"^[ \t]*$", Opts)]
    private static partial Regex FirstBlankLine();

    [GeneratedRegex(@"^The following addresses had permanent fatal errors|could not be delivered to|Delivery to the following recipients? (?:has )?failed|unable to deliver", Opts)]
    private static partial Regex GenericMarker();
}
