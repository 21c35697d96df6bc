using System.Text;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

/// <summary>What a file holds, told from its first bytes: the one sniffing <c>classify</c> and <c>ingest</c> share.</summary>
public class InputSnifferTests
{
    private const string Headers = "From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail\n\nbody\n";
    private const string LogLine = "Nov 28 05:00:01 mx1 postfix/smtp[12]: 3F2A11C0042: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))\n";

    private static InputKind Sniff(string text) => InputSniffer.Sniff(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Headers, InputKind.Mbox)]
    [InlineData("\uFEFFFrom MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Headers, InputKind.Mbox)]
    [InlineData(Headers, InputKind.Email)]
    [InlineData("From the gateway, today:\n550 5.1.1 <a@example.org>: user unknown\n", InputKind.Text)]
    [InlineData(LogLine + LogLine, InputKind.Log)]
    [InlineData("\uFEFF" + LogLine + LogLine, InputKind.Log)]
    [InlineData("550 5.1.1 <a@example.org>: user unknown\n", InputKind.Text)]
    public void Sniff_Start_Kind(string start, InputKind expected) => Assert.Equal(expected, Sniff(start));

    [Fact]
    public void Sniff_CrLfOrLoneCrLineEnds_SameKindAsLf()
    {
        foreach (var (text, kind) in new[] { (Headers, InputKind.Email), ("From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Headers, InputKind.Mbox), (LogLine + LogLine, InputKind.Log) })
        {
            Assert.Equal(kind, Sniff(text.Replace("\n", "\r\n")));
            Assert.Equal(kind, Sniff(text.Replace('\n', '\r')));
        }
    }

    [Fact]
    public void Sniff_OnlyLogLineHasNoLineEnd_Text() =>
        Assert.Equal(InputKind.Text, Sniff(LogLine.TrimEnd('\n'))); // it may be cut by the sniff window

    [Fact]
    public void Sniff_FirstLogLineAfterFiftyLines_Text()
    {
        var preamble = string.Concat(Enumerable.Range(1, 50).Select(i => $"# exported line {i}\n"));

        Assert.Equal(InputKind.Text, Sniff(preamble + LogLine + LogLine));
    }

    [Fact]
    public void Sniff_LogLinesAfterAPreamble_Log()
    {
        var preamble = string.Concat(Enumerable.Range(1, 30).Select(i => $"# exported line {i}\n"));

        Assert.Equal(InputKind.Log, Sniff(preamble + LogLine + LogLine));
    }
}
