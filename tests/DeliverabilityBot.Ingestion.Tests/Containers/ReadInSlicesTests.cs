using System.Text;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

/// <summary>Streamed reading (<c>dbot ingest</c>, and <c>dbot classify</c> for a large log): slices, progress, and a read failing part-way.</summary>
public sealed class ReadInSlicesTests : IDisposable
{
    private const string Dsn = "From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nCould not deliver.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B--\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("dbot-slices-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string LogLines(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"Nov 28 05:00:{i % 60:00} mx1 postfix/smtp[12]: 3F2A11C{i:X4}: to=<u{i}@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))\n"));

    [Fact]
    public void ReadLogInSlices_StreamFailsPartWay_EventsReadBeforeThenAFailureNamingThePath()
    {
        // Well past the reader's first chunks, so lines were read before the failure (what classify prints, ingest stores).
        const int lines = 2_000;
        var bytes = Encoding.UTF8.GetBytes(LogLines(lines));
        var failAfter = bytes.Length / 2;
        const string path = "/var/log/mail.log";

        var results = new EvidenceFileReader().ReadLogInSlices(() => new FailingStream(bytes, failAfter), path, 100, keep: null, path, progress: null).ToList();

        var given = results.SkipLast(1).ToList();
        Assert.NotEmpty(given);
        Assert.All(given, r => Assert.True(r.Succeeded && r.Events.Count <= 100, r.Error));
        var read = given.SelectMany(r => r.Events).Select(e => e.Recipient).ToList();
        var linesBeforeTheFailure = Encoding.UTF8.GetString(bytes, 0, failAfter).Count(c => c == '\n');
        Assert.InRange(read.Count, 1, linesBeforeTheFailure);
        Assert.Equal(Enumerable.Range(0, read.Count).Select(i => $"u{i}@example.org"), read);
        var failure = results[^1];
        Assert.False(failure.Succeeded);
        Assert.Empty(failure.Events);
        Assert.StartsWith($"{path}: cannot be read as a log: ", failure.Error);
        Assert.EndsWith(FailingStream.Problem, failure.Error);
    }

    [Theory]
    [InlineData("log")]
    [InlineData("mbox")]
    [InlineData("eml")]
    public void ReadInSlices_EachKindOfInput_SameEventsAsReadAndProgressReachesTheLength(string kind)
    {
        var path = Path.Combine(_dir, $"input.{kind}");
        File.WriteAllText(path, kind switch
        {
            "log" => LogLines(7),
            "mbox" => "From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Dsn + "\nFrom MAILER-DAEMON Thu Nov 28 05:01:00 2026\n" + Dsn.Replace("a@example.org", "b@example.org"),
            _ => Dsn,
        });
        var reader = new EvidenceFileReader();
        var reported = new List<long>();

        var slices = reader.ReadInSlices(path, 3, reported.Add).ToList();

        Assert.All(slices, s => Assert.True(s.Succeeded && s.Events.Count <= 3, s.Error));
        var whole = reader.Read(path).SelectMany(r => r.Events).Select(e => (e.Recipient, e.Index, e.MessageIndex, e.Source));
        Assert.Equal(whole, slices.SelectMany(s => s.Events).Select(e => (e.Recipient, e.Index, e.MessageIndex, e.Source)));
        Assert.NotEmpty(reported);
        Assert.Equal(reported.Order(), reported);
        Assert.Equal(new FileInfo(path).Length, reported[^1]);
    }

    [Fact]
    public void ReadInSlices_LogOverTheStreamLimit_OneFailureNamingThePath()
    {
        var path = Path.Combine(_dir, "mail.log");
        File.WriteAllText(path, LogLines(20));

        var r = Assert.Single(new EvidenceFileReader(new IngestionLimits { MaxStreamBytes = 1024 }).ReadInSlices(path, 3));

        Assert.False(r.Succeeded);
        Assert.StartsWith($"{path}: is ", r.Error);
        Assert.Contains("limit", r.Error);
    }
}
