using System.IO.Compression;
using System.Text;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

/// <summary>Inputs read once, forward: stdin and pipes (streams that cannot seek) and gzip files.</summary>
public sealed class ForwardReadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dbot-forward-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Dsn = "From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nCould not deliver.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B--\n";

    private static string LogLines(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"Nov 28 05:00:{i % 60:00} mx1 postfix/smtp[12]: 3F2A11C{i:X4}: to=<u{i}@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))\n"));

    private static string Mbox => "From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Dsn + "\nFrom MAILER-DAEMON Thu Nov 28 05:01:00 2026\n" + Dsn.Replace("a@example.org", "b@example.org");

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Gzip(byte[] content)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest)) gzip.Write(content);
        return compressed.ToArray();
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Summary(IEnumerable<FileReadResult> results) => string.Join("\n", results.Select(r =>
        $"{r.MessageIndex}|{r.Error}|" + string.Join(",", r.Events.Select(e => $"{e.Recipient} {e.Action} {e.Reply.Code} {e.Index}"))));

    [Theory]
    [InlineData("dsn.eml")]
    [InlineData("bounces.mbox")]
    [InlineData("mail.log")]
    public void ReadForward_UnseekableStream_SameResultsAsTheFile(string name)
    {
        var content = Bytes(name switch { "dsn.eml" => Dsn, "bounces.mbox" => Mbox, _ => LogLines(5) });
        var path = Write(name, content);

        var fromPipe = new EvidenceFileReader().ReadForward(new UnseekableStream(content), path).ToList();

        Assert.NotEmpty(fromPipe.SelectMany(r => r.Events));
        Assert.Equal(Summary(new EvidenceFileReader().Read(path)), Summary(fromPipe));
    }

    [Fact]
    public void ReadForward_LogInSlices_SameSlicesAsTheFile()
    {
        var content = Bytes(LogLines(7));
        var path = Write("mail.log", content);

        var fromPipe = new EvidenceFileReader().ReadForward(new UnseekableStream(content), path, sliceSize: 3).ToList();

        Assert.Equal([3, 3, 1], fromPipe.Select(r => r.Events.Count));
        Assert.Equal(Summary(new EvidenceFileReader().ReadInSlices(path, 3)), Summary(fromPipe));
    }

    [Fact]
    public void ReadForward_EmailOverLimit_FailureNamesPath()
    {
        var content = Bytes(Dsn + new string('x', 4096));

        var r = Assert.Single(new EvidenceFileReader(new IngestionLimits { MaxMessageBytes = 1024 }).ReadForward(new UnseekableStream(content), "-"));

        Assert.False(r.Succeeded);
        Assert.StartsWith("-: is over the ", r.Error);
        Assert.Contains("limit", r.Error);
    }

    [Theory]
    [InlineData("dsn.eml")]
    [InlineData("bounces.mbox")]
    [InlineData("mail.log")]
    public void Read_GzipFileWithoutGzName_SameResultsAsThePlainFile(string name)
    {
        var content = Bytes(name switch { "dsn.eml" => Dsn, "bounces.mbox" => Mbox, _ => LogLines(5) });
        var plain = Write(name, content);
        // Rotated logs are called maillog-20261201 as often as mail.log.2.gz: told by the magic bytes, not the name.
        var gzip = Write(name + "-20261201", Gzip(content));

        var results = new EvidenceFileReader().Read(gzip).ToList();

        Assert.NotEmpty(results.SelectMany(r => r.Events));
        Assert.All(results.SelectMany(r => r.Events), e => Assert.Equal(gzip, e.Source));
        Assert.Equal(Summary(new EvidenceFileReader().Read(plain)), Summary(results));
    }

    [Fact]
    public void BatchRead_FolderOfRotatedLogs_GzipsReadInPathOrder()
    {
        var folder = Path.Combine(_dir, "log");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "mail.log"), Bytes(LogLines(1)));
        File.WriteAllBytes(Path.Combine(folder, "mail.log.1"), Bytes(LogLines(2)));
        File.WriteAllBytes(Path.Combine(folder, "mail.log.2.gz"), Gzip(Bytes(LogLines(3))));

        var results = new EvidenceBatch(parallelism: 2).Read([folder]).ToList();

        Assert.Equal(["mail.log", "mail.log.1", "mail.log.2.gz"], results.Select(r => Path.GetFileName(r.Path)));
        Assert.Equal([1, 2, 3], results.Select(r => r.Events.Count));
    }

    [Fact]
    public void ReadForward_GzipThroughAPipe_Decompressed()
    {
        var content = Bytes(LogLines(4));

        var results = new EvidenceFileReader().ReadForward(new UnseekableStream(Gzip(content)), "-").ToList();

        Assert.Equal(4, Assert.Single(results).Events.Count);
    }

    [Fact]
    public void Read_CorruptGzip_FailureNamesPath()
    {
        var path = Write("mail.log.2.gz", [0x1f, 0x8b, .. Bytes("this is not deflate data at all, only text")]);

        var r = Assert.Single(new EvidenceFileReader().Read(path));

        Assert.False(r.Succeeded);
        Assert.StartsWith(path + ": cannot be read: not a readable gzip file", r.Error);
    }

    [Fact]
    public void Read_GzipBombEmail_OverLimitOnceDecompressed()
    {
        // 8 MB of one byte compress to a few kilobytes: the limit holds on what comes out, not on the file.
        var path = Write("bomb.eml.gz", Gzip(Bytes(Dsn + new string('x', 8 << 20))));

        var r = Assert.Single(new EvidenceFileReader(new IngestionLimits { MaxMessageBytes = 1 << 20 }).Read(path));

        Assert.True(new FileInfo(path).Length < 1 << 20, "the gzip is not smaller than the limit");
        Assert.False(r.Succeeded);
        Assert.Equal($"{path}: is over the 1 MB limit for this kind of input once decompressed", r.Error);
    }

    [Fact]
    public void ReadInSlices_GzipLogOverStreamLimit_SlicesBeforeThenFailure()
    {
        var content = Bytes(LogLines(2_000));
        var path = Write("mail.log.gz", Gzip(content));

        var results = new EvidenceFileReader(new IngestionLimits { MaxStreamBytes = content.Length / 2 }).ReadInSlices(path, 100).ToList();

        Assert.True(results.Count > 2);
        Assert.All(results[..^1], r => Assert.True(r.Succeeded));
        Assert.Contains("limit for this kind of input once decompressed", results[^1].Error);
        Assert.StartsWith(path + ": ", results[^1].Error);
    }

    [Fact]
    public void ReadLeftLog_GzipLogLeftForStreaming_GivesItsEventsFromTheOpenInput()
    {
        var path = Write("mail.log.1.gz", Gzip(Bytes(LogLines(5))));
        var reader = new EvidenceFileReader(leaveLogsFrom: long.MaxValue);

        var left = Assert.Single(reader.Read(path));
        var slices = reader.ReadLeftLog(left, 2).ToList();

        Assert.True(left.LeftForStreaming);
        Assert.Equal([2, 2, 1], slices.Select(s => s.Events.Count));
        Assert.All(slices.SelectMany(s => s.Events), e => Assert.Equal(DeliveryAction.Failed, e.Action));
    }

    /// <summary>A pipe: read-only, forward only, no length.</summary>
    private sealed class UnseekableStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content, writable: false);

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1000));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
