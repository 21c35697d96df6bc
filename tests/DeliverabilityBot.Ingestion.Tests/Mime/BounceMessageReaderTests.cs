using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Mime;

public class BounceMessageReaderTests
{
    [Fact]
    public void Parse_ArfReport_FeedbackEventPerOriginalRecipient()
    {
        const string arf = "From: fbl@example.net\nTo: postmaster@example.com\nSubject: Abuse report\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\n\n--F\nContent-Type: text/plain\n\nreport\n\n--F\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: FBL/1\nVersion: 1\nOriginal-Rcpt-To: <a@example.org>\nOriginal-Rcpt-To: <b@example.org>\nSource-IP: 192.0.2.10\n\n--F--\n";
        var events = TextEvidenceParser.Parse(arf, null, "arf.eml");
        Assert.Equal(["a@example.org", "b@example.org"], events.Select(e => e.Recipient));
        Assert.All(events, e => Assert.Equal(EvidenceKind.Feedback, e.Kind));
        Assert.Equal("abuse", events[0].Hints["feedbackType"]);
        Assert.Equal("192.0.2.10", events[0].SendingIp);
    }

    [Fact]
    public void Parse_AutoReply_VacationEventForTheSender()
    {
        const string auto = "From: Someone <someone@example.org>\nTo: news@example.com\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nAway until Monday.\n";
        var e = Assert.Single(TextEvidenceParser.Parse(auto, null, "auto.eml"));
        Assert.Equal(EvidenceKind.AutoReply, e.Kind);
        Assert.Equal("someone@example.org", e.Recipient);
    }

    [Fact]
    public void Parse_QmailNotice_RecipientAndRemoteReply()
    {
        const string qmail = "From: MAILER-DAEMON@mx.example.jp\nTo: news@example.com\nSubject: failure notice\n\nHi. This is the qmail-send program at mx.example.jp.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<a@example.org>:\n192.0.2.32 does not like recipient.\nRemote host said: 550 5.1.1 <a@example.org>... User Unknown\nGiving up on 192.0.2.32.\n\n--- Below this line is a copy of the message.\n\nReturn-Path: <news@example.com>\nTo: a@example.org\n";
        var e = Assert.Single(TextEvidenceParser.Parse(qmail, null, "q.eml"));
        Assert.Equal("a@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Equal("qmail", e.SourceFormat);
    }

    [Fact]
    public void Parse_EximNotice_UsesXFailedRecipients()
    {
        const string exim = "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nTo: news@example.com\nSubject: Mail delivery failed: returning message to sender\nX-Failed-Recipients: a@example.org\n\nThis message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  a@example.org\n    SMTP error from remote mail server after RCPT TO:<a@example.org>:\n    host mx.example.org [192.0.2.1]: 550 5.1.1 <a@example.org>: Recipient address rejected\n\n------ This is a copy of the message, including all the headers. ------\n\nReturn-path: <news@example.com>\n";
        var e = Assert.Single(TextEvidenceParser.Parse(exim, null, "x.eml"));
        Assert.Equal("a@example.org", e.Recipient);
        Assert.Equal(SmtpStage.RcptTo, e.Stage);
        Assert.Equal("mx.example.org", e.RemoteHost);
        Assert.Equal(550, e.Reply.Code);
    }

    [Fact]
    public void Parse_OrdinaryMessageWithAttachment_NotABounce()
    {
        const string mail = "From: friend@example.org\nTo: me@example.com\nSubject: original as attachment\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"M\"\n\n--M\nContent-Type: text/plain\n\nsee attached\n\n--M\nContent-Type: message/rfc822\n\nFrom: x@example.org\nTo: y@example.org\nSubject: hi\n\nhello\n--M--\n";
        Assert.Empty(TextEvidenceParser.Parse(mail, null, "m.eml"));
    }

    [Fact]
    public void Parse_DsnWithoutDiagnosticCode_TakesTheRecipientsParagraph()
    {
        const string dsn = "From: MAILER-DAEMON@mx.example.jp\nTo: news@example.com\nSubject: Undelivered\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nAn error has occurred for the following recipients:\n\npostmaster@nx.example.org: Domain does not exist\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\nFinal-Recipient: rfc822; postmaster@nx.example.org\nAction: failed\nStatus: 5.0.0\n\n--B--\n";
        var e = Assert.Single(TextEvidenceParser.Parse(dsn, null, "d.eml"));
        Assert.Contains("Domain does not exist", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SendmailProgramExitStatus_TranscriptReplyAndExitStatusInWords()
    {
        const string dsn = "From: MAILER-DAEMON@mx.example.jp\nTo: news@example.com\nSubject: Returned mail\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\n\n   ----- The following addresses had permanent fatal errors -----\n\"|/home/someone/mail/catch.pl\"\n    (expanded from: <someone@example.org>)\n\n   ----- Transcript of session follows -----\n554 5.3.0 unknown mailer error 255\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\nFinal-Recipient: RFC822; someone@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Unix; 255\n\n--B--\n";
        var e = Assert.Single(TextEvidenceParser.Parse(dsn, null, "s.eml"));
        Assert.Equal(554, e.Reply.Code);
        Assert.Equal("5.3.0", e.Reply.Status?.ToString());
        Assert.Contains("exit status 255", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MicrosoftJmrpComplaint_FeedbackEventForTheOriginalRecipient()
    {
        const string jmrp = "From: staff@hotmail.com\nTo: abuse-report@example.com\nSubject: complaint about message from 192.0.2.222\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"J\"\n\n--J\nContent-Type: message/rfc822\nContent-Disposition: inline\n\nX-HmXmrOriginalRecipient: someone@example.com\nFrom: News <news@example.org>\nTo: someone@example.com\nSubject: Offer\n\nHello\n\n--J--\n";
        var e = Assert.Single(TextEvidenceParser.Parse(jmrp, null, "j.eml"));
        Assert.Equal(EvidenceKind.Feedback, e.Kind);
        Assert.Equal("someone@example.com", e.Recipient);
        Assert.Equal("192.0.2.222", e.SendingIp);
        Assert.Equal("jmrp", e.SourceFormat);
    }

    [Fact]
    public void Parse_ForwardedBounceWithoutReplyOfItsOwn_ReadsTheAttachedReport()
    {
        const string inner = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\nTo: news@example.com\nSubject: Returned mail: User unknown\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"I\"\n\n--I\n\nThe following addresses had permanent delivery errors\n\n--I\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\nFinal-Recipient: RFC822; someone@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n\n--I--\n";
        var outer = "From: MAILER-DAEMON@gw.example.com\nTo: news@example.com\nSubject: Undeliverable\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"O\"\n\n--O\nContent-Type: text/plain\n\nThe original message was received at Thu Oct 13 15:22:22 2015\n----- The following addresses had permanent delivery errors -----\n\n--O\nContent-Type: message/rfc822\n\n" + inner + "\n--O--\n";
        var e = Assert.Single(TextEvidenceParser.Parse(outer, null, "f.eml"));
        Assert.Equal("someone@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
    }

    [Fact]
    public void Parse_NestedMultipartWithUnfoldedBoundary_RepairedAndReplyBeforeRecipientRead()
    {
        const string gw = "From: post_master@gw.example.com\nTo: news@example.com\nSubject: Re:Offer\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"A\"\n\n--A\nContent-Type: multipart/alternative;\nboundary=\"B\"\n\n--B\nContent-Type: text/plain; charset=us-ascii\n\nError: Invalid user address\nError message below:\n550 - Requested action not taken: no such user here\nMessage details:\n  MAIL FROM: news@example.com\n  RCPT TO: someone@example.org\n  From: editor@example.com\n--B--\n--A--\n";
        var e = Assert.Single(TextEvidenceParser.Parse(gw, null, "g.eml"));
        Assert.Equal("someone@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Contains("no such user here", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SesNotificationInSnsEnvelope_ReadsTheEscapedMessage()
    {
        const string sns = "From: no-reply@sns.amazonaws.com\nTo: ops@example.com\nSubject: AWS Notification Message\n\n{\n  \"Type\" : \"Notification\",\n  \"Message\" : \"{\\\"notificationType\\\":\\\"Bounce\\\",\\\"bounce\\\":{\\\"bounceType\\\":\\\"Permanent\\\",\\\"bouncedRecipients\\\":[{\\\"emailAddress\\\":\\\"someone@example.org\\\",\\\"status\\\":\\\"5.1.1\\\",\\\"diagnosticCode\\\":\\\"smtp; 550 5.1.1 user unknown\\\"}],\\\"timestamp\\\":\\\"2016-10-21T06:58:02.245Z\\\"},\\\"mail\\\":{\\\"source\\\":\\\"news@example.com\\\"}}\"\n}\n";
        var e = Assert.Single(TextEvidenceParser.Parse(sns, null, "s.eml"));
        Assert.Equal("someone@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
    }

    [Fact]
    public void Parse_PostfixNoticeWithoutReportPart_RecipientFromItsOwnLineNotTheHelpdeskAddress()
    {
        const string notice = "From: MAILER-DAEMON@smtp.example.jp\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\n\nThis is the Postfix program at host smtp.example.jp.\n\nFor further assistance, please contact <support@example.jp>\n\n<someone@example.org>: host mx.example.org[192.0.2.22] said: 550\n    <someone@example.org>: User unknown\n";
        var e = Assert.Single(TextEvidenceParser.Parse(notice, null, "p.eml"));
        Assert.Equal("someone@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("postfix", e.SourceFormat);
    }
}
