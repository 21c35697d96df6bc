using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Evidence;

public class TextEvidenceParserTests
{
    private const string CS01 = "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137";

    [Fact]
    public void Parse_BareReplyWithAddressHint_OneFailedEventWithRecipientAndDomain()
    {
        var e = Assert.Single(TextEvidenceParser.Parse(CS01, "Someone@iCloud.com", "text"));
        Assert.Equal("someone@icloud.com", e.Recipient);
        Assert.Equal("icloud.com", e.RecipientDomain);
        Assert.Equal(554, e.Reply.Code);
        Assert.Equal("5.7.1", e.Reply.Status?.ToString());
        Assert.Equal(DeliveryAction.Failed, e.Action);
        Assert.Equal("text", e.Source);
        Assert.Equal(1, e.Index);
    }

    [Fact]
    public void Parse_BareReply_FormatIsReplyAndStageUnknown()
    {
        var e = Assert.Single(TextEvidenceParser.Parse("550 <someone@example.org>: User unknown", null, "text"));
        Assert.Equal("reply", e.SourceFormat);
        Assert.Equal(SmtpStage.Unknown, e.Stage);
        Assert.Equal(EvidenceKind.Reply, e.Kind);
    }

    [Fact]
    public void Parse_BareReplyWithDomainHint_SetsDomainOnly()
    {
        var e = Assert.Single(TextEvidenceParser.Parse("421 4.7.0 Try again later", "icloud.com", "text"));
        Assert.Null(e.Recipient);
        Assert.Equal("icloud.com", e.RecipientDomain);
        Assert.Equal(DeliveryAction.Delayed, e.Action);
    }

    [Fact]
    public void Parse_PostfixLogLine_ReadsRecipientHostReplyAndStage()
    {
        const string line = "Nov 28 05:00:01 mx1 postfix/smtp[4242]: 3F2A11C0042: to=<user@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: " + CS01 + " (in reply to end of DATA command))";
        var e = Assert.Single(TextEvidenceParser.Parse(line, null, "text"));
        Assert.Equal("user@icloud.com", e.Recipient);
        Assert.Equal("mx01.mail.icloud.com", e.RemoteHost);
        Assert.Equal("17.57.154.6", e.RemoteIp);
        Assert.Equal(SmtpStage.EndOfData, e.Stage);
        Assert.Equal(554, e.Reply.Code);
        Assert.StartsWith("[CS01] Message rejected", e.Reply.Text);
        Assert.Equal(EvidenceKind.LogLine, e.Kind);
        Assert.Equal("postfix", e.SourceFormat);
    }

    [Fact]
    public void Parse_LogLineWithoutRecipientAndHint_HintDoesNotOverrideLog()
    {
        const string line = "Nov 28 05:00:01 mx1 postfix/smtp[4242]: 3F2A11C0042: to=<user@example.org>, relay=mx.example.org[192.0.2.1]:25, dsn=4.2.2, status=deferred (host mx.example.org[192.0.2.1] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))";
        var e = Assert.Single(TextEvidenceParser.Parse(line, "other@icloud.com", "text"));
        Assert.Equal("user@example.org", e.Recipient);
        Assert.Equal(SmtpStage.RcptTo, e.Stage);
        Assert.Equal(DeliveryAction.Delayed, e.Action);
    }

    [Fact]
    public void Parse_EximFailureLine_ReadsReplyAfterRcptTo()
    {
        const string line = "2026-11-28 05:00:01 1vABCD-000123-Xy ** user@icloud.com R=dnslookup T=remote_smtp H=mx01.mail.icloud.com [17.57.154.6]: SMTP error from remote mail server after RCPT TO:<user@icloud.com>: 550 5.1.1 <user@icloud.com>: user does not exist";
        var e = Assert.Single(TextEvidenceParser.Parse(line, null, "text"));
        Assert.Equal("user@icloud.com", e.Recipient);
        Assert.Equal(SmtpStage.RcptTo, e.Stage);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Equal(DeliveryAction.Failed, e.Action);
    }

    [Fact]
    public void Parse_SendmailLine_ReadsStatAndDsn()
    {
        const string line = "Nov 28 05:00:01 mx1 sm-mta[991]: 2AS50001000123: to=<user@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.org. [192.0.2.7], dsn=5.1.1, stat=User unknown";
        var e = Assert.Single(TextEvidenceParser.Parse(line, null, "text"));
        Assert.Equal("user@example.org", e.Recipient);
        Assert.Equal("mx.example.org", e.RemoteHost);
        Assert.Equal("5.1.1", e.DsnStatus?.ToString());
        Assert.Equal("User unknown", e.Reply.Text);
    }

    [Fact]
    public void Parse_WholeDsnEmail_ReadsEachRecipientGroup()
    {
        const string dsn = """
            From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
            To: sender@example.com
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            Could not deliver.

            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org

            Final-Recipient: rfc822; a@icloud.com
            Action: failed
            Status: 5.0.0
            Remote-MTA: dns; mx01.mail.icloud.com
            Diagnostic-Code: smtp; 550 5.1.1 <a@icloud.com>: user does not exist

            Final-Recipient: rfc822; b@icloud.com
            Action: delayed
            Status: 4.7.0

            --B--
            """;
        var events = TextEvidenceParser.Parse(dsn, null, "text");
        Assert.Equal(2, events.Count);
        Assert.Equal("a@icloud.com", events[0].Recipient);
        Assert.Equal("5.1.1", events[0].Reply.Status?.ToString());
        Assert.Equal("5.0.0", events[0].DsnStatus?.ToString());
        Assert.Equal("mx01.mail.icloud.com", events[0].RemoteHost);
        Assert.Equal(2, events[1].Index);
        Assert.Equal(DeliveryAction.Delayed, events[1].Action);
        Assert.Equal("4.7.0", events[1].DsnStatus?.ToString());
    }

    [Fact]
    public void Parse_PastedDeliveryStatusFields_ReadsRecipient()
    {
        const string text = "Final-Recipient: rfc822; a@me.com\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 mailbox full";
        var e = Assert.Single(TextEvidenceParser.Parse(text, null, "-"));
        Assert.Equal("a@me.com", e.Recipient);
        Assert.Equal(552, e.Reply.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Parse_Blank_NoEvents(string text) => Assert.Empty(TextEvidenceParser.Parse(text, null, "text"));

    [Fact]
    public void Parse_CrOnlyLineEndings_SameAsLf()
    {
        var lf = TextEvidenceParser.Parse("550-5.7.1 first line\n550 5.7.1 second line", null, "text");
        var cr = TextEvidenceParser.Parse("550-5.7.1 first line\r550 5.7.1 second line", null, "text");
        Assert.Equal(lf[0].Reply.Text, cr[0].Reply.Text);
    }
}
