namespace DeliverabilityBot.HistoryBench;

/// <summary>
/// Real reply texts from ../shared/domain/facts.md (iCloud 1.3, Proofpoint 2.2, Gmail 4.1, Yahoo 4.2, Microsoft 4.3),
/// with the weights the generator draws them by. <c>{rcpt}</c> and <c>{ip}</c> are filled per attempt.
/// </summary>
internal static class ReplyCatalog
{
    public sealed record Receiver(string Name, string[] Domains, (string Host, string Ip)[] Mx, double Share, (double Weight, string Status, string Stage, string Reply)[] Troubles);

    private const string Ht = "https://support.apple.com/en-us/HT204137";

    public static readonly Receiver[] Receivers =
    [
        new("icloud", ["icloud.com", "me.com", "mac.com"], [("mx01.mail.icloud.com", "17.56.9.17"), ("mx02.mail.icloud.com", "17.57.155.25")], 0.35,
        [
            (5, "deferred", "MAIL FROM", "421 4.7.0 Deferred"),
            (2, "bounced", "RCPT TO", "550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip={ip}"),
            (1, "deferred", "RCPT TO", "421 4.7.1 Messages to {rcpt} deferred due to excessive volume. Try again later - " + Ht),
            (1, "bounced", "end of DATA", "554 5.7.1 [CS01] Message rejected due to local policy. Please visit " + Ht),
            (0.5, "bounced", "end of DATA", "554 5.7.1 [HM08] Message rejected due to local policy. Please visit " + Ht),
            (1.5, "bounced", "RCPT TO", "550 5.1.1 <{rcpt}>: user does not exist"),
            (0.3, "bounced", "end of DATA", "550 5.7.1 Your message was rejected due to example.com's DMARC policy. See " + Ht + " for info"),
        ]),
        new("gmail", ["gmail.com", "googlemail.com"], [("gmail-smtp-in.l.google.com", "142.250.102.27"), ("alt1.gmail-smtp-in.l.google.com", "142.250.153.26")], 0.35,
        [
            (2, "deferred", "end of DATA", "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. - gsmtp"),
            (1.5, "bounced", "RCPT TO", "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. - gsmtp"),
            (0.3, "bounced", "end of DATA", "550-5.7.26 This mail has been blocked because the sender is unauthenticated. - gsmtp"),
        ]),
        new("yahoo", ["yahoo.com", "aol.com"], [("mta5.am0.yahoodns.net", "67.195.204.72")], 0.12,
        [
            (3, "deferred", "MAIL FROM", "421 4.7.0 [TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"),
            (1, "bounced", "RCPT TO", "554 5.7.9 Message not accepted for policy reasons."),
        ]),
        new("microsoft", ["outlook.com", "hotmail.com"], [("outlook-com.olc.protection.outlook.com", "52.101.68.4")], 0.13,
        [
            (1, "bounced", "RCPT TO", "550 5.7.1 Unfortunately, messages from [{ip}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)."),
            (1, "deferred", "MAIL FROM", "451 4.7.650 The mail server [{ip}] has been temporarily rate limited due to IP reputation. (S775)"),
        ]),
        new("other", ["example.net", "example.org", "corp.example"], [("mx.example.net", "198.51.100.25"), ("mx0a-00112233.pphosted.com", "67.231.149.10")], 0.05,
        [
            (1, "bounced", "RCPT TO", "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table"),
        ]),
    ];

    public static readonly string[] SendingIps = ["203.0.113.7", "203.0.113.8", "203.0.113.9"];
    public static readonly string[] Senders = ["news@example.com", "alerts@example.com", "receipts@shop.example.com"];
}
