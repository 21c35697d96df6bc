using DeliverabilityBot.Ingestion.Sources.Syslog;

namespace DeliverabilityBot.Ingestion.Tests.Sources;

public sealed class SyslogParserTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 8, 0, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_Rfc3164_ReadsPriorityTimeHostTagPidAndMessage()
    {
        var m = SyslogParser.Parse("<22>Dec  8 00:14:59 mx1 postfix/smtp[3046]: 1AE41801BE: to=<a@me.com>, status=sent (250 ok)", Received)!;

        Assert.Equal((2, 6), (m.Facility, m.Severity));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 14, 59, TimeSpan.Zero), m.Timestamp);
        Assert.Equal(("mx1", "postfix/smtp", "3046"), (m.Host, m.AppName, m.ProcId));
        Assert.Equal("1AE41801BE: to=<a@me.com>, status=sent (250 ok)", m.Text);
    }

    [Fact]
    public void Parse_Rfc3164DecemberReceivedInJanuary_TakesTheYearBefore()
    {
        var m = SyslogParser.Parse("<22>Dec 31 23:59:59 mx1 exim[7]: x", new DateTimeOffset(2027, 1, 1, 0, 0, 1, TimeSpan.Zero))!;

        Assert.Equal(2026, m.Timestamp.Year);
    }

    [Fact]
    public void Parse_Rfc3164WithIsoTimestamp_ReadsIt()
    {
        var m = SyslogParser.Parse("<22>2026-11-20T06:00:01.250000+01:00 mta1 postfix/qmgr[2201]: 11111A1EEF: removed", Received)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 6, 0, 1, 250, TimeSpan.FromHours(1)), m.Timestamp);
        Assert.Equal(("mta1", "postfix/qmgr", "2201", "11111A1EEF: removed"), (m.Host, m.AppName, m.ProcId, m.Text));
    }

    [Fact]
    public void Parse_Rfc3164WithoutHost_TakesTheTagAndReceiptTimeWhenNoTimestamp()
    {
        var m = SyslogParser.Parse("<13>postfix/smtp[12]: hello", Received)!;

        Assert.Equal(("-", "postfix/smtp", "12", "hello"), (m.Host, m.AppName, m.ProcId, m.Text));
        Assert.Equal(Received, m.Timestamp);
    }

    [Fact]
    public void Parse_NoPriority_UserNoticeAllText()
    {
        var m = SyslogParser.Parse("just some text", Received)!;

        Assert.Equal((1, 5, "", "just some text"), (m.Facility, m.Severity, m.AppName, m.Text));
    }

    [Fact]
    public void Parse_Rfc5424WithStructuredDataAndBom_ReadsEveryField()
    {
        var m = SyslogParser.Parse("<22>1 2026-12-08T00:14:59.123Z mx1.example.com postfix/smtp 3046 - [meta x=\"a\\]b\" y=\"c\"][origin ip=\"192.0.2.1\"] \uFEFF1AE41801BE: to=<a@me.com>", Received)!;

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 14, 59, 123, TimeSpan.Zero), m.Timestamp);
        Assert.Equal(("mx1.example.com", "postfix/smtp", "3046"), (m.Host, m.AppName, m.ProcId));
        Assert.Equal("1AE41801BE: to=<a@me.com>", m.Text);
    }

    [Fact]
    public void Parse_Rfc5424NilFields_EmptyAppAndReceiptTime()
    {
        var m = SyslogParser.Parse("<22>1 - - - - - - message", Received)!;

        Assert.Equal(("-", "", "", "message", Received), (m.Host, m.AppName, m.ProcId, m.Text, m.Timestamp));
    }

    [Fact]
    public void Parse_Rfc5424NoMessage_EmptyText()
    {
        var m = SyslogParser.Parse("<22>1 2026-12-08T00:14:59Z mx1 postfix/smtp 1 ID47 -", Received)!;

        Assert.Equal("", m.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\0\r\n")]
    public void Parse_Empty_Null(string text) => Assert.Null(SyslogParser.Parse(text, Received));
}
