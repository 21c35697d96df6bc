using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Mime;

/// <summary>Bounce layouts the readers must cope with: samples are anonymised, written for these tests.</summary>
public class ReaderLayoutTests
{
    [Fact]
    public void Parse_DsnRecipientGroupsWithoutBlankLineBetween_OneEventPerRecipient()
    {
        const string dsn = "From: Postmaster <postmaster@mx.example.net>\nTo: news@example.com\nSubject: Undeliverable: hello\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\nArrival-Date: Fri, 21 Nov 2014 17:24:04 -0500\nFinal-Recipient: rfc822; a@example.org\nOriginal-Recipient: rfc822;a@example.org\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 550 5.2.2 <a@example.org>... Mailbox Full\nFinal-Recipient: rfc822; b@example.org\nOriginal-Recipient: rfc822;b@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <b@example.org>... User Unknown\n\n--B--\n";
        var events = TextEvidenceParser.Parse(dsn, null, "d.eml");
        Assert.Equal(["a@example.org", "b@example.org"], events.Select(e => e.Recipient));
        Assert.Equal(["5.2.2", "5.1.1"], events.Select(e => e.Reply.Status?.ToString()));
    }

    [Fact]
    public void Parse_MultipartReportWithNoBoundaryLines_ReadsTheWholeBodyAsText()
    {
        const string dsn = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\nTo: <news@example.com>\nSubject: Returned mail: Service unavailable\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n    boundary=\"AAAA/mx.example.net\"\n\n   ----- The following addresses had permanent fatal errors -----\n<a@example.org>\n\n   ----- Transcript of session follows -----\nmail.local: unknown user: a\n554 <a@example.org>... Service unavailable\n\nReporting-MTA: dns; mx.example.net\n\nFinal-Recipient: RFC822; <a@example.org>\nAction: failed\nStatus: 5.5.0\n\nReturn-Path: <news@example.com>\nFrom: news@example.com\nSubject: hello\n\nhello\n";
        var e = Assert.Single(TextEvidenceParser.Parse(dsn, null, "n.eml"));
        Assert.Equal("a@example.org", e.Recipient);
        Assert.Equal("5.5.0", e.DsnStatus?.ToString() ?? e.Reply.Status?.ToString());
        Assert.Null(e.Reply.Code); // the 554 would be sendmail's, not a server's; the program's line says why
        Assert.Contains("unknown user", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoticeGivesTheReasonAboveTheBareRecipient_ReasonIsTheWordsAbove()
    {
        const string notice = "From: Postmaster <Postmaster@mx.example.ne.jp>\nTo: news@example.com\nSubject: Mail System Error - Returned Mail\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\nThe user(s) account is disabled.\n\n<a@example.ne.jp>\n\n";
        var e = Assert.Single(TextEvidenceParser.Parse(notice, null, "z.eml"));
        Assert.Equal("a@example.ne.jp", e.Recipient);
        Assert.Contains("account is disabled", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FmlNotMemberNotice_OneEventForTheListNotItsHelpAddresses()
    {
        const string notice = "From: list-admin@example.org\nTo: poster@example.net\nSubject: You poster@example.net are not member (example ML)\nX-MLServer: fml [fml 4.0.3]\n\nYou are not a member of this mailing list <list@example.org>.\n\nIf you know the general guide of this list, please send mail with\nthe mail body\n\n\tguide\n\nto the address\n\n\tlist-ctl@example.org\n";
        var e = Assert.Single(TextEvidenceParser.Parse(notice, null, "f.eml"));
        Assert.Equal("list@example.org", e.Recipient);
        Assert.Equal("fml", e.SourceFormat);
        Assert.Contains("not a member of this mailing list", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GatewayNoticeWithOriginalPastedAfterOriginalMessageLine_ReasonWithoutOriginalAndRecipientFromItsTo()
    {
        const string notice = "From: MMSC NDR Administrator <sysadmin@mms.example.net>\nTo: news@example.com\nSubject: Undeliverable Message\nContent-Type: text/plain\n\nMessage could not be delivered to mobile.\nError: No valid recipients for this MM\n\n\nOriginal Message:\nFrom: News <news@example.com>\nTo: 0000000000@mms.example.net\nSubject: hello\n";
        var e = Assert.Single(TextEvidenceParser.Parse(notice, null, "v.eml"));
        Assert.Equal("0000000000@mms.example.net", e.Recipient);
        Assert.Contains("No valid recipients", e.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subject", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListHeadingAboveOneRecipientWithoutReply_HeadingKeptInTheReason()
    {
        const string notice = "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nTo: news@example.com\nSubject: Delivery status notification\nContent-Type: text/plain\n\n=====\n      This is an automatically generated Delivery Status Notification.\n\nDelevery to the following recipients was aborted after 5.0 hour(s):\n\n  * a@example.org\n\n=====\n      Technical details:\n\nRouting: Could not find a gateway for a@example.org\n";
        var e = Assert.Single(TextEvidenceParser.Parse(notice, null, "x.eml"));
        Assert.Equal("a@example.org", e.Recipient);
        Assert.Contains("aborted after 5.0 hour(s)", e.Reply.Text, StringComparison.Ordinal);
    }
}
