using DeliverabilityBot.Core.Smtp;

namespace DeliverabilityBot.Core.Tests;

public class SmtpReplyParserTests
{
    [Fact]
    public void Parse_BareICloudReply_ReadsCodeStatusAndText()
    {
        var r = SmtpReply.Parse("554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137");
        Assert.Equal(554, r.Code);
        Assert.Equal("5.7.1", r.Status?.ToString());
        Assert.StartsWith("[CS01] Message rejected", r.Text);
    }

    [Fact]
    public void Parse_MultiLineGmailReply_JoinsLinesWithoutRepeatedPrefixes()
    {
        var r = SmtpReply.Parse("550-5.7.26 This mail is unauthenticated, which poses a security\n550-5.7.26 risk to the sender and Gmail users.\n550 5.7.26  https://support.google.com/mail/answer/81126 - gsmtp");
        Assert.Equal(550, r.Code);
        Assert.Equal("5.7.26", r.Status?.ToString());
        Assert.Equal("This mail is unauthenticated, which poses a security risk to the sender and Gmail users. https://support.google.com/mail/answer/81126 - gsmtp", r.Text);
    }

    [Fact]
    public void Parse_DiagnosticCodeField_StripsTypePrefix()
    {
        var r = SmtpReply.Parse("Diagnostic-Code: smtp; 421 4.7.0 Deferred");
        Assert.Equal(421, r.Code);
        Assert.Equal("4.7.0", r.Status?.ToString());
        Assert.Equal("Deferred", r.Text);
    }

    [Fact]
    public void Parse_ReplyQuotedInLogText_FindsCodeAndStatus()
    {
        var r = SmtpReply.Parse("host mx01.mail.icloud.com[17.56.9.17] said: 421 4.7.0 Deferred (in reply to RCPT TO command)");
        Assert.Equal(421, r.Code);
        Assert.Equal("4.7.0", r.Status?.ToString());
        Assert.StartsWith("Deferred", r.Text);
    }

    [Fact]
    public void Parse_SaidWithoutEnhancedCode_FindsReplyCode()
    {
        var r = SmtpReply.Parse("host mxb-00505701.gslb.pphosted.com[1.2.3.4] refused to talk to me: 554 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.7");
        Assert.Equal(554, r.Code);
        Assert.Null(r.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Parse_BlankInput_ReturnsEmpty(string? input)
    {
        Assert.True(SmtpReply.Parse(input).IsEmpty);
    }

    [Theory]
    [InlineData("5.7.1", true)]
    [InlineData("4.7.26", true)]
    [InlineData("5.7.1000", false)]
    [InlineData("6.1.1", false)]
    [InlineData("5..1", false)]
    public void TryParse_EnhancedCode_AcceptsOnlyRfc3463Shape(string text, bool ok)
    {
        Assert.Equal(ok, EnhancedStatusCode.TryParse(text, out _));
    }

    [Fact]
    public void Parse_RefoldedMultiLineReply_StripsEmbeddedContinuationPrefixes()
    {
        // A Postfix DSN re-folds Gmail's multi-line reply, leaving "550-5.7.26" inside the text (Sisimai corpus lhost-postfix-70).
        var r = SmtpReply.Parse("Diagnostic-Code: smtp; 550-5.7.26 Unauthenticated email from example.org is not accepted due to 550-5.7.26 domain's DMARC policy. Please visit 550-5.7.26 https://support.google.com/mail/answer/2451690 to learn about the 550 5.7.26 DMARC initiative. - gsmtp");
        Assert.Equal(550, r.Code);
        Assert.Equal("5.7.26", r.Status?.ToString());
        Assert.Equal("Unauthenticated email from example.org is not accepted due to domain's DMARC policy. Please visit https://support.google.com/mail/answer/2451690 to learn about the DMARC initiative. - gsmtp", r.Text);
    }

    [Fact]
    public void Parse_SingleLineReplyQuotingSameCode_KeepsQuotedReply()
    {
        var r = SmtpReply.Parse("550 5.1.1 <a@example.com>: Recipient address rejected: undeliverable address: host example.com[192.0.2.1] said: 550 5.1.1 User unknown");
        Assert.Equal(550, r.Code);
        Assert.Contains("said: 550 5.1.1 User unknown", r.Text);
    }

    [Theory]
    [InlineData("554 <kijitora@example.org>... 550 Host unknown (Authoritative answer from name server)", 550, null)]
    [InlineData("554 5.0.0 <someone@example.org>... 550 5.1.1 User unknown", 550, "5.1.1")]
    [InlineData("<<< 550 <someone@example.org>: User unknown", 550, null)]
    [InlineData("<-- 451 Please try again later", 451, null)]
    [InlineData(">>> 451 Please try again later", 451, null)]
    [InlineData("<-- 451 4.7.1 Service temporarily unavailable", 451, "4.7.1")]
    [InlineData("2026-12-08 03:00:01 <-- 451 Please try again later", 451, null)]
    [InlineData("2026-12-08T03:00:01.123Z <-- 451 4.7.1 Service temporarily unavailable", 451, "4.7.1")]
    [InlineData("Dec  8 03:00:01 >>> 421 Too many connections", 421, null)]
    [InlineData("[03:00:01.123] <-- 450 Requested mail action not taken: mailbox busy", 450, null)]
    [InlineData("host mx.example.org[192.0.2.5] said: 451 Please try again later (in reply to RCPT TO command)", 451, null)]
    [InlineData("550: 5.2.2 <someone@example.org>... Mailbox Full", 550, "5.2.2")]
    [InlineData("someone@example.org Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <someone@example.org>... User Unknown", 550, "5.1.1")]
    [InlineData("In: RCPT TO:<someone@example.org> Out: 250 2.1.5 Ok In: DATA Out: 451 4.3.0 Error: queue file write error", 451, "4.3.0")]
    [InlineData("550 sorry, no mailbox here by that name (#5.1.1 - chkusr)", 550, "5.1.1")]
    [InlineData("[Status: Error, Address: <someone@example.org>, ResponseCode 421, , Host not reachable.]", 421, null)]
    public void Parse_VendorReplyShapes_FindsTheRemoteCode(string input, int code, string? status)
    {
        var r = SmtpReply.Parse(input);
        Assert.Equal(code, r.Code);
        Assert.Equal(status, r.Status?.ToString());
    }

    [Fact]
    public void Parse_SummaryCodeWithoutInnerReply_KeepsTheSummaryCode()
    {
        var r = SmtpReply.Parse("554 <someone@example.org>... Service unavailable");
        Assert.Equal(554, r.Code);
    }

    [Theory]
    [InlineData("554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>", 421, "4.4.2")]
    [InlineData("Diagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>", 421, "4.4.2")]
    [InlineData("554 4.4.7 Message expired: unable to deliver in 840 minutes", 554, "4.4.7")]
    [InlineData("550 5.7.1 Rejected by policy <421 4.4.2 quoted by a user>", 550, "5.7.1")]
    public void Parse_ExpiryQuotingTheLastAttemptsReply_TakesTheQuotedReplyOnlyForAnExpiry(string input, int code, string status)
    {
        var r = SmtpReply.Parse(input);

        Assert.Equal(code, r.Code);
        Assert.Equal(status, r.Status?.ToString());
    }

    [Fact]
    public void Parse_ExpiryQuotingTheLastAttemptsReply_TextKeepsTheExpiryForTheRules()
    {
        var r = SmtpReply.Parse("554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>");

        Assert.Equal("Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>", r.Text);
    }
}
