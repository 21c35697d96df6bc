using System.IO.Compression;
using System.Text;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

/// <summary>A message of up to the per-email limit costs at most a megabyte of memory, whatever its size.</summary>
public sealed class SpillBufferTests : IDisposable
{
    private const int Padding = 24 * 1024 * 1024;
    private readonly string _dir = Directory.CreateTempSubdirectory("dbot-spill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_PastTheMemoryPart_SameBytesFromATemporaryFileDeletedOnDispose()
    {
        var bytes = Enumerable.Range(0, 3 * SpillBuffer.MemoryBytes).Select(i => (byte)(i * 7)).ToArray();
        var buffer = new SpillBuffer();

        for (var i = 0; i < bytes.Length; i += 1000) buffer.Write(bytes.AsSpan(i, Math.Min(1000, bytes.Length - i)));
        var read = new MemoryStream();
        buffer.Read().CopyTo(read);
        var file = Assert.IsType<FileStream>(buffer.Read()).Name;
        var existed = File.Exists(file);
        buffer.Dispose();

        Assert.True(existed);
        Assert.Equal(bytes, read.ToArray());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Read_SmallContent_HeldInMemory()
    {
        using var buffer = new SpillBuffer();

        buffer.Write("From: a@example.org\n\nhello\n"u8);

        Assert.False(buffer.Spilled);
        Assert.Equal("From: a@example.org\n\nhello\n", new StreamReader(buffer.Read()).ReadToEnd());
    }

    [Fact]
    public void Read_MboxWithLargeMessageUnderTheLimit_ReadWithoutHoldingIt()
    {
        // 24 MB under the default 50 MB limit: a MemoryStream grew to 32 MB through doubling copies (about 64 MB allocated).
        var path = Path.Combine(_dir, "large.mbox");
        using (var w = new StreamWriter(File.Create(path), new UTF8Encoding(false)))
        {
            w.Write("From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Dsn("a@example.org") + "\n");
            w.Write("From MAILER-DAEMON Thu Nov 28 05:01:00 2026\n");
            WritePadded(w, Dsn("b@example.org"));
            w.Write("\nFrom MAILER-DAEMON Thu Nov 28 05:02:00 2026\n" + Dsn("c@example.org"));
        }
        var reader = new EvidenceFileReader();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var recipients = reader.Read(path).SelectMany(r => r.Events).Select(e => e.Recipient).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["a@example.org", "b@example.org", "c@example.org"], recipients);
        Assert.True(allocated < Padding / 2, $"reading allocated {allocated / 1024 / 1024} MB for a {Padding / 1024 / 1024} MB message");
    }

    [Fact]
    public void Read_GzippedEmailUnderTheLimit_ReadWithoutHoldingIt()
    {
        var path = Path.Combine(_dir, "large.eml.gz");
        using (var w = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest), new UTF8Encoding(false)))
            WritePadded(w, Dsn("a@example.org"));
        var reader = new EvidenceFileReader();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var recipients = reader.Read(path).SelectMany(r => r.Events).Select(e => e.Recipient).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["a@example.org"], recipients);
        Assert.True(allocated < Padding / 2, $"reading allocated {allocated / 1024 / 1024} MB for a {Padding / 1024 / 1024} MB email");
    }

    /// <summary>
    /// The DSN with an attachment of <see cref="Padding"/> bytes in 77-character lines (an attached log, say: a part the
    /// reader never decodes, so what is measured is holding the message), written as it goes.
    /// </summary>
    private static void WritePadded(StreamWriter w, string dsn)
    {
        const string At = "--B--\n";
        var cut = dsn.IndexOf(At, StringComparison.Ordinal);
        w.Write(dsn[..cut]);
        w.Write("--B\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"transcript.log\"\n\n");
        var line = new string('x', 76) + "\n";
        for (var i = 0; i < Padding / line.Length; i++) w.Write(line);
        w.Write("\n" + dsn[cut..]);
    }

    private static string Dsn(string recipient) =>
        $"From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nCould not deliver.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; {recipient}\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B--\n";
}
