using DeliverabilityBot.Core.Vocabulary;
using DeliverabilityBot.Ingestion.Evidence;
using DeliverabilityBot.Ingestion.Formats;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Mime;

namespace DeliverabilityBot.Ingestion.Tests.Mime;

public class ReportingSystemsTests
{
    private static string Dsn(string from, string extraHeader = "") =>
        $"From: {from}\nTo: news@example.com\nSubject: Delivery Status\n{extraHeader}MIME-Version: 1.0\n" +
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nundeliverable\n\n" +
        "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; gw.example.net\n\nFinal-Recipient: rfc822; a@example.org\n" +
        "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 a@example.org... No such user\n\n--B--\n";

    [Theory]
    [InlineData("<MAILER-DAEMON@gw.example.net>", "X-NAI-Header: Modified by McAfee Email Gateway (4500)\n", "mcafee")]
    [InlineData("Mail Delivery System <MAILER-DAEMON@messagelabs.com>", "", "messagelabs")]
    [InlineData("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "", "google")]
    [InlineData("post_master@vtext.com", "", "verizon")]
    [InlineData("MAILER-DAEMON@mx.example.net", "", "rfc3464")]
    [InlineData("MAILER-DAEMON@notmessagelabs.com", "", "rfc3464")]
    public void Parse_DsnFromARecognisedSystem_SourceFormatNamesIt(string from, string header, string expected)
    {
        var e = Assert.Single(TextEvidenceParser.Parse(Dsn(from, header), null, "dsn.eml"));

        Assert.Equal(expected, e.SourceFormat);
        Assert.Equal("a@example.org", e.Recipient);
    }

    [Fact]
    public void Parse_TextLayoutSharedByAGateway_SourceFormatNamesTheGateway()
    {
        const string verizon = "From: post_master@vtext.com\nTo: news@example.com\nSubject: Re: hello\n\nError: Invalid user address\n\n" +
            "Error message below:\n550 - Requested action not taken: no such user here\n\nMessage details:\n  Subject: hello\n" +
            "  MAIL FROM: news@example.com\n  RCPT TO: 2025550100@vtext.com\n";
        const string james = "From: postmaster@mail.example.org\nTo: news@example.com\nSubject: Re: hello\n\nError: Invalid user address\n\n" +
            "Error message below:\n550 - Requested action not taken: no such user here\n\nMessage details:\n  Subject: hello\n" +
            "  MAIL FROM: news@example.com\n  RCPT TO: someone@example.org\n";

        var gateway = TextEvidenceParser.Parse(verizon, null, "v.eml");
        var plain = TextEvidenceParser.Parse(james, null, "j.eml");

        Assert.All(gateway, e => Assert.Equal("verizon", e.SourceFormat));
        Assert.All(plain, e => Assert.NotEqual("verizon", e.SourceFormat));
    }

    [Fact]
    public void SourceFormats_EveryNameAReaderWrites_IsInTheRuleVocabulary()
    {
        IEnumerable<string> names =
        [
            .. ReportingSystems.All.Select(s => s.Name),
            .. TextBounceFormats.All.Select(f => f.Name),
            .. new IBounceReader[] { new Rfc3464Reader(), new AmazonSesJsonReader(), new JmrpComplaintReader(), new AutoReplyReader(), new FeedbackReportReader() }.Select(r => r.Name),
            .. new ILogLineReader[] { new PostfixLogReader(), new EximLogReader(), new SendmailLogReader() }.Select(r => r.Format),
        ];

        Assert.All(names, n => Assert.True(SourceFormats.IsKnown(n), $"'{n}' is written into events but rules cannot name it"));
    }
}
