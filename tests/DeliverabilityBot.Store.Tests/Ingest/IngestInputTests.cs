using System.Text;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Containers;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>What <c>dbot ingest</c> reads: the files and events <c>dbot classify</c> reads (one reader), its problems and progress.</summary>
public sealed class IngestInputTests : IDisposable
{
    private const string LogLine = "Nov 28 05:00:00 mx1 postfix/smtp[12]: 3F2A0001: to=<u1@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: 550 5.1.1 <u1@icloud.com>: user does not exist (in reply to RCPT TO command))\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-ingest-input-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private DeliverabilityBotRuntime Runtime() => new(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, "data"), RetentionDays = 0 });

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Ingest_GzipLog_StoredAsThePlainLogBytesAreTheFilesLength()
    {
        var log = Encoding.UTF8.GetBytes(LogLine + LogLine.Replace("u1@", "u2@"));
        var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(log);
        var gz = Write("maillog-20261201", compressed.ToArray());
        var runtime = Runtime();

        var fromGzip = runtime.CreateIngest().Ingest([gz]);
        var fromPlain = runtime.CreateIngest().Ingest([Write("mail.log", log)]);

        Assert.Equal((2L, 2L, 1), (fromGzip.EventsRead, fromGzip.Stored, fromGzip.Files));
        Assert.Equal(new FileInfo(gz).Length, fromGzip.Bytes);
        Assert.Equal((2L, 0L), (fromPlain.EventsRead, fromPlain.Stored));
    }

    [Fact]
    public void Ingest_Fifo_BytesAreWhatWasRead()
    {
        // A pipe has no length beforehand (FileInfo says 0): what was read of it is what the summary counts. POSIX only.
        if (OperatingSystem.IsWindows()) return;
        var log = Encoding.UTF8.GetBytes(LogLine + LogLine.Replace("u1@", "u2@"));
        var fifo = Path.Combine(_folder, "fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var writer = new Thread(() => File.WriteAllBytes(fifo, log)) { IsBackground = true }; // blocks until ingest opens it
        writer.Start();

        var summary = Runtime().CreateIngest().Ingest([fifo]);

        Assert.True(writer.Join(TimeSpan.FromSeconds(60)), "ingest never opened the FIFO");
        Assert.Equal((2L, 2L, 1), (summary.EventsRead, summary.Stored, summary.Files));
        Assert.Equal(log.Length, summary.Bytes);
    }

    [Fact]
    public void Ingest_DsnWithLatin1Bytes_StoresTheReplyClassifyReads()
    {
        // Read as an email (MIME, charsets), as classify reads it: ingest used to decode the whole file as UTF-8 text first,
        // so a legacy-charset byte became U+FFFD in the stored reply.
        var dsn = "From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nCould not deliver.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Bo\u00EEte pleine\n\n--B--\n";
        var path = Write("latin1.eml", Encoding.Latin1.GetBytes(dsn));
        var classified = Assert.Single(new EvidenceFileReader().Read(path).SelectMany(r => r.Events));
        var runtime = Runtime();

        var summary = runtime.CreateIngest().Ingest([path]);

        Assert.Equal((1L, 1L, 1), (summary.EventsRead, summary.Stored, summary.Files));
        var stored = Assert.Single(StoredReplies(runtime));
        Assert.Equal(classified.Reply.Raw, stored);
        Assert.DoesNotContain('\uFFFD', stored);
    }

    [Fact]
    public void Ingest_PastedReplyStartingWithFrom_ReadAsTextNotAsAnMbox()
    {
        // 'From ' opens an mbox only when an email follows (ingest used to take any such file for an mbox, and failed on it).
        var path = Write("pasted.txt", Encoding.UTF8.GetBytes("From the gateway, today:\n550 5.1.1 <a@example.org>: user unknown\n"));

        var summary = Runtime().CreateIngest().Ingest([path]);

        Assert.Equal((1L, 1L), (summary.EventsRead, summary.Stored));
        Assert.Equal(1, summary.ByAction["failed"]);
    }

    [Fact]
    public void Ingest_FolderWithExpectationsAndAMissingPath_DocumentsSkippedProblemNamesThePathOnce()
    {
        var log = Write("fixtures/mail.log", Encoding.UTF8.GetBytes(LogLine));
        // Read as evidence, this expectation would be a bare 550 reply of its own.
        Write("fixtures/mail.expect.yaml", Encoding.UTF8.GetBytes("reply: 550 5.1.1 <u1@icloud.com>: user does not exist\nreason: userunknown\n"));
        var missing = Path.Combine(_folder, "no-such-log");

        var summary = Runtime().CreateIngest().Ingest([missing, Path.GetDirectoryName(log)!]);

        Assert.Equal((1, 1L), (summary.Files, summary.EventsRead));
        Assert.Equal([$"{missing}: no such file or folder"], summary.Problems);
    }

    [Fact]
    public void Ingest_TwoFiles_ProgressRisesToTheTotalNeverPastIt()
    {
        var logs = Enumerable.Range(0, 2).Select(i => Write($"mail{i}.log", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(LogLine.Replace("3F2A0001", $"3F2A{i:X4}"), 3_000))))).ToList();
        var progress = new Recorder();

        Runtime().CreateIngest().Ingest(logs, progress);

        var total = logs.Sum(l => new FileInfo(l).Length);
        Assert.NotEmpty(progress.Reports);
        Assert.All(progress.Reports, p => Assert.Equal(total, p.BytesTotal));
        Assert.All(progress.Reports, p => Assert.InRange(p.BytesDone, 0, total));
        Assert.Equal(progress.Reports.Select(p => p.BytesDone).Order(), progress.Reports.Select(p => p.BytesDone));
    }

    private static List<string> StoredReplies(DeliverabilityBotRuntime runtime)
    {
        using var c = new SqliteConnection($"Data Source={runtime.Store.Options.DatabasePath}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT coalesce(r.text, e.reply_text) FROM events e LEFT JOIN replies r ON r.id = e.reply_id;";
        using var r = cmd.ExecuteReader();
        var replies = new List<string>();
        while (r.Read()) replies.Add(r.GetString(0));
        return replies;
    }

    /// <summary>Records reports as they come, on the reporting thread (<see cref="Progress{T}"/> would post them elsewhere).</summary>
    private sealed class Recorder : IProgress<IngestProgress>
    {
        public List<IngestProgress> Reports { get; } = [];

        public void Report(IngestProgress value) => Reports.Add(value);
    }
}
