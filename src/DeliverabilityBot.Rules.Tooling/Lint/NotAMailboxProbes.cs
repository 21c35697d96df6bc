using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Rules.Model;

namespace DeliverabilityBot.Rules.Lint;

/// <summary>
/// Real replies whose subject is the sender, its IP or account, the receiver's policy or the receiver's own DNS, written
/// in words that also appear in mailbox replies ("address", "account", "suspend", "blocked", "mailbox unavailable",
/// "quota exceeded", X.2.x statuses). A rule that advises removing the recipient must match none of them (DBR0109).
/// Sources: ZoneMTA's bounces.txt, Google's and Mimecast's published codes, Microsoft's and Amazon SES's documented
/// errors, Postfix's and Exim's restriction replies, and Spamhaus public-mirror errors quoted in public issue threads.
/// </summary>
public static class NotAMailboxProbes
{
    /// <summary>The probes, each a reply with the stage it came at when that matters.</summary>
    public static IReadOnlyList<ExampleCase> All { get; } =
    [
        P("550 5.2.1 Mailbox unavailable. Your IP address 192.0.2.44 is blacklisted using SPAMHAUS-XBL. Details: https://www.spamhaus.org/query/ip/192.0.2.44."),
        P("554 5.7.1 <someone@example.org>: Recipient address rejected: https://www.spamhaus.org/query/ip/192.0.2.44", SmtpStage.RcptTo),
        P("550 5.7.1 <someone@example.org>... Rejected: 192.0.2.44 listed at zen.spamhaus.org."),
        P("553 5.3.0 <someone@example.org>... Mail from 192.0.2.44 rejected,see http://www.spamhaus.org/lookup/"),
        P("554 5.7.1 Service unavailable; Sender address [sender@example.com] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.com"),
        P("421 4.7.1 Service unavailable; Client host [192.0.2.4] blocked using grey.rbl - Greylisting in action, please try again later"),
        P("553 5.3.0 flph825 DNSBL:ATTRBL 521< 192.0.2.4 >_is_blocked.For assistance forward this email to abuse_rbl@abuse-att.net"),
        P("550 5.7.606 Access denied, banned sending IP [192.0.2.4]. To request removal from this list please visit https://sender.office.com/ and follow the directions."),
        P("550 5.7.1 Unfortunately, messages from [192.0.2.4] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."),
        P("421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited."),
        P("550-5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked."),
        P("550 5.4.5 Daily user sending quota exceeded."),
        P("535 5.7.8 Username and Password not accepted."),
        P("421 Sender address blocked"),
        P("554 Sender address blocked"),
        P("550 Sender Address Blocked", SmtpStage.MailFrom),
        P("554 5.7.1 Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/198.51.100.230/"),
        P("550 Error: open resolver; https://www.spamhaus.org/returnc/pub/2001:db8:377:1024::ac46:58b3"),
        P("554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: sender@example.com"),
        P("554 Message rejected: Sending suspended for this account. For more information, please check the inbox of the email address associated with your AWS account."),
        P("554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message WASCL UserAction verdict is not None. Actual verdict is Suspend, ShowTierUpgrade."),
        P("554 5.2.252 SendAsDenied; sender@example.com not allowed to send as sender@example.net"),
        P("554 5.7.1 <unknown[192.0.2.4]>: Client host rejected: Access denied", SmtpStage.RcptTo),
        P("450 4.7.1 <mail.example.com>: Helo command rejected: Host not found", SmtpStage.RcptTo),
        P("554 5.7.1 <sender@example.com>: Sender address rejected: Access denied", SmtpStage.RcptTo),
        P("450 4.1.8 <sender@example.com>: Sender address rejected: Domain not found", SmtpStage.RcptTo),
        P("553 5.1.8 <sender@example.com>: Sender address rejected: Domain not found", SmtpStage.RcptTo),
        P("450 4.2.0 <someone@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html", SmtpStage.RcptTo),
        P("550-Verification failed for <sender@example.com> 550-Unrouteable address 550 Sender verify failed", SmtpStage.RcptTo),
        P("421 4.3.2 Your IP address is filtered, please try again later"),
        P("421 4.3.2 Service not available, closing transmission channel"),
        P("451 4.7.500 Server busy. Please try again later from [192.0.2.4]. (S77714)"),
    ];

    private static ExampleCase P(string reply, SmtpStage? stage = null) => new() { Reply = reply, Stage = stage };
}
