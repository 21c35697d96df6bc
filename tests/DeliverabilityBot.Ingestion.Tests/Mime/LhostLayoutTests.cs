using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Mime;

/// <summary>
/// Bounce layouts of the MTAs and gateways Sisimai's <c>lhost/via-*.go</c> sources document (../shared/sources/sisimai,
/// see its README for the commit). Each notice is written for this test from the lines the source records in its
/// comments and markers (the headers it keys on, the lines it starts and stops reading at, the recorded error lines);
/// the surrounding text and every address are ours. None is copied from a bounce collection.
/// </summary>
public class LhostLayoutTests
{
    private static BounceEvent One(string message) => Assert.Single(TextEvidenceParser.Parse(message.ReplaceLineEndings("\n"), null, "lhost.eml"));

    [Fact]
    public void Parse_NotesFailureReasons_RecipientAndReasonFromTheFailureSection()
    {
        // via-notes.go: Subject "Undeliverable message", reading from "------- Failure Reasons" to
        // "------- Returned Message --------"; the reason line, then the recipient's bare address.
        var e = One("""
            From: Postmaster <postmaster@notes.example.jp>
            To: news@example.com
            Subject: Undeliverable message
            Content-Type: text/plain; charset=us-ascii

            ------- Failure Reasons  --------

            User not listed in public Name & Address Book
            someone@notes.example.jp

            ------- Returned Message --------
            From: news@example.com
            To: someone@notes.example.jp
            Subject: hello

            hello
            """);
        Assert.Equal("someone@notes.example.jp", e.Recipient);
        Assert.Contains("User not listed in public Name & Address Book", e.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Returned Message", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InterScanMssTranscript_ReplyAfterReceivedArrowAndStageFromSentCommand()
    {
        // via-interscanmss.go: From "InterScan ...", Subject "Mail could not be delivered"; "Sent <<< RCPT TO:<...>" is
        // the command InterScan sent, "Received >>> 550 ..." the reply it got (the arrows point the other way round
        // from sendmail's transcript).
        var e = One("""
            From: "InterScan MSS" <postmaster@gw.example.co.jp>
            To: news@example.com
            Subject: Mail could not be delivered
            Content-Type: text/plain; charset=us-ascii

            Sent <<< RCPT TO:<someone@example.co.jp>
            Received >>> 550 5.1.1 <someone@example.co.jp>... user unknown

            Unable to deliver message to <someone@example.co.jp>.
            """);
        Assert.Equal("someone@example.co.jp", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Equal(SmtpStage.RcptTo, e.Stage);
        Assert.Contains("user unknown", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_X1AddressWithBracketedReason_ReasonInBrackets()
    {
        // via-x1.go: From "Mail Deliver System", Subject "Returned Mail: ", "---The following addresses had delivery
        // errors---", then "address [reason]".
        var e = One("""
            From: "Mail Deliver System" <MAILER-DAEMON@mx.example.co.jp>
            To: news@example.com
            Subject: Returned Mail: User unknown
            Content-Type: text/plain; charset=us-ascii

            The original message was received at Thu, 29 Apr 2010 23:34:45 +0900 (JST)
            from news@example.com
            ---The following addresses had delivery errors---
            someone@example.co.jp [User unknown]

            Received: from mx.example.com by mx.example.co.jp
            """);
        Assert.Equal("someone@example.co.jp", e.Recipient);
        Assert.Contains("User unknown", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_X2UnableToDeliverToFollowingAddresses_ReasonUnderTheAddress()
    {
        // via-x2.go: From MAILER-DAEMON@, Subject "Delivery failure"; "Unable to deliver message to the following
        // address(es).", "<address>:" and the reason lines, up to "--- Original message follows.".
        var e = One("""
            From: MAILER-DAEMON@mx.example.com
            To: news@example.net
            Subject: Delivery failure
            Content-Type: text/plain; charset=us-ascii

            Message from example.com.
            Unable to deliver message to the following address(es).

            <someone@example.com>:
            This user doesn't have a example.com account (someone@example.com) [0]

            --- Original message follows.
            From: news@example.net
            To: someone@example.com
            Subject: hello
            """);
        Assert.Equal("someone@example.com", e.Recipient);
        Assert.Contains("doesn't have a example.com account", e.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Original message", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_X6SmtpServerRejectedRecipient_ReplyInBracketsAndRcptStage()
    {
        // via-x6.go: Subject "There was an error sending your mail", "We had trouble delivering your message. Full
        // details follow:", "SMTP Server <host> rejected recipient <address> (Error following RCPT command). It
        // responded as follows: [550 5.1.1 User unknown]".
        var e = One("""
            From: Mail Delivery Subsystem <mailer-daemon@mx.example.net>
            To: news@example.net
            Subject: There was an error sending your mail
            Content-Type: text/plain; charset=us-ascii

            We had trouble delivering your message. Full details follow:

            Subject: 'hello'
            Date: 'Thu, 29 Apr 2012 23:34:45 +0000'

            1 error(s):

            SMTP Server <mta2.example.jp> rejected recipient <someone@example.jp> (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]

            The attachment contains the original mail headers
            """);
        Assert.Equal("someone@example.jp", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Equal(SmtpStage.RcptTo, e.Stage);
    }

    [Fact]
    public void Parse_MFilterServerMessageAndSmtpCommand_ReplyAndDataStage()
    {
        // via-mfilter.go: X-Mailer: m-FILTER, Subject "failure notice"; the bare address, "-------server message" and
        // the reply, "-------SMTP command" and the command, up to "-------original message".
        var e = One("""
            From: postmaster@gw.example.jp
            To: news@example.com
            Subject: failure notice
            X-Mailer: m-FILTER
            Content-Type: text/plain; charset=utf-8

            このメールは「m-FILTER」が自動的に生成して送信しています。
            メールサーバーとの通信中、下記の理由により
            このメールは送信できませんでした。

            以下のメールアドレスへの送信に失敗しました。
            someone@example.jp


            -------server message
            550 5.1.1 unknown user <someone@example.jp>

            -------SMTP command
            DATA

            -------original message
            From: news@example.com
            To: someone@example.jp
            """);
        Assert.Equal("someone@example.jp", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Equal(SmtpStage.Data, e.Stage);
    }

    [Fact]
    public void Parse_MailFoundryFailedWith_ReplyAfterFailedWithAndRemoteHost()
    {
        // via-mailfoundry.go: Subject "Message delivery has failed", a Received field with "(MAILFOUNDRY) id";
        // "Unable to deliver message to: <address>", "Delivery failed for the following reason:", "Server host[ip]
        // failed with: 550 ...".
        var e = One("""
            From: postmaster@mf.example.ne.jp
            To: news@example.com
            Subject: Message delivery has failed
            Received: From localhost (127.0.0.1) by smtp9.mf.example.ne.jp (MAILFOUNDRY) id 0000
            Content-Type: text/plain; charset=us-ascii

            Unable to deliver message to: <someone@example.org>
            Delivery failed for the following reason:
            Server mx22.example.org[192.0.2.222] failed with: 550 <someone@example.org> No such user here

            This has been a permanent failure.  No further delivery attempts will be made.
            """);
        Assert.Equal("someone@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Contains("No such user here", e.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("mx22.example.org", e.RemoteHost);
    }

    [Fact]
    public void Parse_ActiveHunterArrowRecipientLine_RecipientIsNotAReplyAndTranscriptGivesTheReply()
    {
        // via-activehunter.go: an X-AHMailID header; ">>> address <address>" under the permanent-errors heading, then
        // the transcript's reply.
        var e = One("""
            From: MAILER-DAEMON@mx.example.jp
            To: news@example.com
            Subject: Returned mail: see transcript for details
            X-AHMailID: 0000000000
            Content-Type: text/plain; charset=us-ascii

              ----- The following addresses had permanent fatal errors -----

            >>> someone@example.org <someone@example.org>

              ----- Transcript of session follows -----
            550 sorry, no mailbox here by that name (#5.1.1 - chkusr)
            """);
        Assert.Equal("someone@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Contains("no mailbox here by that name", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BiglobeNonDeliveredInformation_ReasonUnderItsHeading()
    {
        // via-biglobe.go: From postmaster@biglobe.ne.jp, Subject "Returned mail:"; "----- The following addresses had
        // delivery problems -----", the address, "----- Non-delivered information -----" and the reason.
        var e = One("""
            From: postmaster@biglobe.ne.jp
            To: news@example.com
            Subject: Returned mail: Delivery failed
            Content-Type: text/plain; charset=us-ascii

               ----- The following addresses had delivery problems -----
            someone@mail.biglobe.ne.jp

               ----- Non-delivered information -----
            The number of messages in recipient's mailbox exceeded the local limit.
            """);
        Assert.Equal("someone@mail.biglobe.ne.jp", e.Recipient);
        Assert.Contains("exceeded the local limit", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MessagingServerRecipientAddressBlock_DiagnosticCodeAndRemoteSystem()
    {
        // via-messagingserver.go: "This report relates to a message you sent with the following header fields:",
        // "Your message cannot be delivered to the following recipients:", then "Recipient address:", "Reason:",
        // "Diagnostic code: smtp;550 ...", "Remote system: dns;host (...)".
        var e = One("""
            From: Internet Mail Delivery <postmaster@ms.example.com>
            To: news@example.com
            Subject: Delivery Notification: Delivery has failed
            Content-Type: text/plain; charset=us-ascii

            This report relates to a message you sent with the following header fields:

              Message-id: <0000@ms.example.com>
              Date: Fri, 21 Nov 2014 23:34:45 +0900
              From: News <news@example.com>
              To: someone@example.jp
              Subject: hello

            Your message cannot be delivered to the following recipients:

              Recipient address: someone@example.jp
              Reason: Remote SMTP server has rejected address
              Diagnostic code: smtp;550 5.1.1 <someone@example.jp>... User Unknown
              Remote system: dns;mx.example.jp (TCP|192.0.2.1|47323|192.0.2.225|25) (mx.example.jp ESMTP)
            """);
        Assert.Equal("someone@example.jp", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
    }

    [Fact]
    public void Parse_EinsUndEinsFollowingReason_ReasonBelowItsHeading()
    {
        // via-einsundeins.go: From "Mail Delivery System", Subject "Mail delivery failed: returning message to
        // sender"; "The following address failed:", the address, "For the following reason:" and the reason, up to
        // "--- The header of the original message is following. ---".
        var e = One("""
            From: "Mail Delivery System" <mailer-daemon@mx.example.de>
            To: news@example.com
            Subject: Mail delivery failed: returning message to sender
            Content-Type: text/plain; charset=us-ascii

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of
            its recipients. This is a permanent error.

            The following address failed:

            general@example.eu

            For the following reason:

            Mail size limit exceeded. For explanation visit
            http://postmaster.1and1.com/en/error-messages?ip=%1s

            --- The header of the original message is following. ---
            From: news@example.com
            To: general@example.eu
            """);
        Assert.Equal("general@example.eu", e.Recipient);
        Assert.Contains("Mail size limit exceeded", e.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("header of the original message", e.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GmxQuotedRecipientAndRemoteError_ReplyAndRcptStage()
    {
        // via-gmx.go: an X-GMX-Antispam header; Exim's wording, a quoted "address": line, "SMTP error from remote
        // server after RCPT command:", "host: ...", the reply, up to "--- The header of the original message is
        // following. ---".
        var e = One("""
            From: "Mail Delivery System" <mailer-daemon@gmx.net>
            To: news@example.com
            Subject: Mail delivery failed: returning message to sender
            X-GMX-Antispam: 0 (Mail was not recognized as spam); Detail=V3;
            Content-Type: text/plain; charset=us-ascii

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of
            its recipients. This is a permanent error. The following address
            failed:

            "someone@example.jp":
            SMTP error from remote server after RCPT command:
            host: mx.example.jp
            5.1.1 <someone@example.jp>... User Unknown

            --- The header of the original message is following. ---
            From: news@example.com
            To: someone@example.jp
            """);
        Assert.Equal("someone@example.jp", e.Recipient);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Equal(SmtpStage.RcptTo, e.Stage);
    }
}
