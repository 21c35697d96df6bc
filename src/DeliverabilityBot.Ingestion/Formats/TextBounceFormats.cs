using System.Text.RegularExpressions;
using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Formats;

/// <summary>
/// The non-standard (non RFC 3464) bounce formats real MTAs and providers send, one row each. Markers are the
/// fixed sentences each MTA writes; they were taken from the samples named in <see cref="TextBounceFormat.SeenIn"/>.
/// </summary>
public static class TextBounceFormats
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant;

    private static TextBounceFormat Row(string name, string marker, string? start, string seenIn) =>
        new(name, new Regex(marker, Opts), start is null ? null : new Regex(start, Opts), seenIn);

    /// <summary>Every known format, most specific first.</summary>
    public static IReadOnlyList<TextBounceFormat> All { get; } =
    [
        Row("qmail", @"^Hi\. This is the qmail|^This is the qmail-send|qmail-send program", @"^I'm afraid I wasn't able to deliver|^Sorry, I wasn't able|^I'm not going to try again", "qmail 1.03 and netqmail (lhost-qmail)"),
        Row("postfix", @"^This is the Postfix program at host", @"^<[^<>\s@]+@[^<>\s]+>:", "Postfix notices without a delivery-status part (lhost-postfix)"),
        Row("dragonfly", @"^This is the DragonFly Mail Agent", @"^There was an error delivering", "DragonFly Mail Agent (lhost-dragonfly)"),
        Row("exim", @"^This message was created automatically by mail delivery software", @"^A message that you sent|^Message .* has been frozen|^The following address", "Exim 4 (lhost-exim, lhost-mailru)"),
        Row("gmail", @"^Delivery to the following recipient|^Technical details of (?:permanent|temporary) failure|^Google tried to deliver your message", null, "Gmail before 2015 (lhost-gmail)"),
        Row("googlegroups", @"Google Groups|^The group you tried to contact|グループ", null, "Google Groups (lhost-googlegroups)"),
        Row("yahoo", @"^Sorry, we were unable to deliver your message to the following address", null, "Yahoo! Mail (lhost-yahoo)"),
        Row("sendmail", @"^-+ ?Transcript of session follows", null, "sendmail V5 and V8 without DSN (lhost-v5sendmail)"),
        Row("exchange2003", @"^Your message\b.*$\s*^\s+To:|did not reach the following recipient", @"did not reach the following recipient", "Exchange 2000/2003 (lhost-exchange2003)"),
        Row("exchange2007", @"^Delivery has failed to these recipients or (?:groups|distribution lists)", null, "Exchange 2007+ (lhost-exchange2007)"),
        Row("opensmtpd", @"^\s*This is the MAILER-DAEMON, please DO NOT REPLY", @"^\s*An error has occurred while attempting to deliver", "OpenSMTPD (lhost-opensmtpd)"),
        Row("apachejames", @"^Error message below:", @"^Error message below:", "Apache James, Verizon's vtext gateway (lhost-apachejames, lhost-verizon)"),
        Row("imailserver", @"^Body of message generated response|^Original message follows", null, "IMail Server (lhost-imailserver)"),
        Row("zoho", @"^This message was created automatically by mail delivery|zoho", null, "Zoho Mail (lhost-zoho)"),
        Row("mxlogic", @"^This message was created automatically by mail delivery software", null, "McAfee MXLogic (lhost-mxlogic)"),
        Row("generic", @"^The following addresses had permanent fatal errors|could not be delivered to|Delivery to the following recipients? (?:has )?failed|unable to deliver", null, "various older MTAs"),
    ];

    /// <summary>The first format whose marker appears in the notification, or null.</summary>
    public static TextBounceFormat? Detect(BounceMessage m)
    {
        var text = m.Notification;
        if (text.Length == 0) return null;
        foreach (var f in All)
            if (f.Marker.IsMatch(text)) return f;
        return null;
    }
}
