using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

/// <summary>Inputs built to exhaust memory or hang a run: each is bounded, reported with where it is, and the run goes on.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dbot-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly IngestionLimits OneMegabyte = new() { MaxMessageBytes = 1024 * 1024 };

    private static string Dsn(string recipient) =>
        $"From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nCould not deliver.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; {recipient}\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B--\n";

    /// <summary>Three DSNs in an mbox, the second padded past one megabyte with <paramref name="padding"/> (a line, or one huge line).</summary>
    private string HugeMiddleMessage(string padding, bool gzip = false)
    {
        var path = Path.Combine(_dir, gzip ? "bounces.mbox.gz" : "bounces.mbox");
        using (var file = File.Create(path))
        using (var output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file)
        using (var w = new StreamWriter(output, new UTF8Encoding(false)))
        {
            w.Write("From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Dsn("a@example.org") + "\n");
            w.Write("From MAILER-DAEMON Thu Nov 28 05:01:00 2026\n" + Dsn("b@example.org").Replace("Could not deliver.\n", "Could not deliver.\n" + padding, StringComparison.Ordinal) + "\n");
            w.Write("From MAILER-DAEMON Thu Nov 28 05:02:00 2026\n" + Dsn("c@example.org"));
        }
        return path;
    }

    public static TheoryData<string> Paddings => new()
    {
        string.Concat(Enumerable.Repeat(new string('x', 76) + "\n", 30_000)), // many lines
        new string('x', 3 * 1024 * 1024) + "\n", // one line of 3 MB
    };

    [Theory]
    [MemberData(nameof(Paddings))]
    public void Read_MboxWithMessageOverTheLimit_ReportedWithItsPositionAndTheRestRead(string padding)
    {
        var path = HugeMiddleMessage(padding);

        var results = new EvidenceFileReader(OneMegabyte).Read(path).ToList();

        Assert.Equal(["a@example.org", "c@example.org"], results.SelectMany(r => r.Events).Select(e => e.Recipient));
        var failure = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(2, failure.MessageIndex);
        Assert.StartsWith($"{path}: message 2 is ", failure.Error, StringComparison.Ordinal);
        Assert.Contains("over the 1 MB limit for one email", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadInSlices_GzippedMboxWithMessageOverTheLimit_SameAsPlain()
    {
        var path = HugeMiddleMessage(new string('x', 3 * 1024 * 1024) + "\n", gzip: true);

        var results = new EvidenceFileReader(OneMegabyte).ReadInSlices(path, 100).ToList();

        Assert.Equal(["a@example.org", "c@example.org"], results.SelectMany(r => r.Events).Select(e => e.Recipient));
        Assert.Equal(2, Assert.Single(results, r => !r.Succeeded).MessageIndex);
    }

    [Fact]
    public void Read_SingleMessageMbox_StillAnEmailWithoutPosition()
    {
        var path = Path.Combine(_dir, "one.eml");
        File.WriteAllText(path, "From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Dsn("a@example.org"));

        var result = Assert.Single(new EvidenceFileReader().Read(path));

        Assert.Null(result.MessageIndex);
        Assert.Equal("a@example.org", Assert.Single(result.Events).Recipient);
    }

    [SkippableFact]
    public void Expand_FolderWithFifo_FifoSkippedOtherFilesListed()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo on Linux");
        var log = Path.Combine(_dir, "mail.log");
        File.WriteAllText(log, "x");
        var fifo = Path.Combine(_dir, "pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Skip.IfNot(File.Exists(fifo), "mkfifo is not available");

        var listed = EvidencePaths.Expand([_dir]).Select(f => f.Path).ToList();

        Assert.Equal([log], listed);
    }

    [SkippableFact]
    public void Expand_SymbolicLinkLoop_EachFileOnce()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "device and inode are read on Linux");
        var logs = Directory.CreateDirectory(Path.Combine(_dir, "logs")).FullName;
        var log = Path.Combine(logs, "mail.log");
        File.WriteAllText(log, "x");
        Directory.CreateSymbolicLink(Path.Combine(logs, "again"), logs);
        Directory.CreateSymbolicLink(Path.Combine(_dir, "also"), logs);
        File.CreateSymbolicLink(Path.Combine(_dir, "same.log"), log);

        var listed = EvidencePaths.Expand([_dir]).ToList();

        // Once, by whichever path reached it first (here the link beside the folders: files before subfolders).
        var only = Assert.Single(listed);
        Assert.Null(only.Problem);
        Assert.Equal("x", File.ReadAllText(only.Path));
    }

    [Fact]
    public void Expand_DataFolderInsideInput_NeverListed()
    {
        var log = Path.Combine(_dir, "mail.log");
        File.WriteAllText(log, "x");
        var data = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        File.WriteAllText(Path.Combine(data, EvidencePaths.DataFolderMarker), "SQLite format 3");
        File.WriteAllText(Path.Combine(data, EvidencePaths.DataFolderMarker + "-wal"), "x");
        var named = Directory.CreateDirectory(Path.Combine(_dir, "named-data")).FullName;
        File.WriteAllText(Path.Combine(named, "write.lock"), "");

        var listed = EvidencePaths.Expand([_dir], [named]).ToList();
        var dataNamed = EvidencePaths.Expand([data]).ToList();
        var explicitly = EvidencePaths.Expand([Path.Combine(data, EvidencePaths.DataFolderMarker)]).Single();

        Assert.Equal([log], listed.Select(f => f.Path));
        Assert.Contains("history store", explicitly.Problem, StringComparison.Ordinal);
        Assert.Empty(dataNamed); // named itself, the data folder gives nothing but the store's files, which are skipped
    }
}
