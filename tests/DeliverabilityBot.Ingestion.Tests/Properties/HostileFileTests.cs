using System.Diagnostics;
using System.Text;
using DeliverabilityBot.Ingestion.Containers;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Properties;

/// <summary>
/// Hostile files through <see cref="EvidenceFileReader"/>: each is generated at test time in a temp folder and deleted
/// after. Every one is answered with results or an error naming the path; nothing throws; memory stays bounded.
/// </summary>
[Collection(MemoryBoundCollection.Name)]
public class HostileFileTests
{
    private const long HundredMegabytes = 100L * 1024 * 1024;

    [Fact]
    public void Read_HundredMegabytesOfBinaryGarbage_RejectedWithPathAndLimit()
    {
        using var temp = new TempFolder();
        var chunk = new byte[1 << 16];
        new Random(1).NextBytes(chunk);
        var path = temp.WriteRepeated("garbage.bin", chunk, HundredMegabytes);

        var result = Assert.Single(ReadBounded(path, 64));

        Assert.False(result.Succeeded);
        Assert.Contains(path, result.Error);
        Assert.Contains("limit", result.Error);
    }

    [Fact]
    public void Read_HundredMegabyteLogOfMegabyteLines_StreamedInBoundedMemory()
    {
        // Log lines of 1 MB each: streamed line by line and cut at MaxLineLength, never held whole.
        using var temp = new TempFolder();
        var head = Encoding.ASCII.GetBytes("Nov 28 05:09:02 mta1 postfix/qmgr[2100]: 6F7A8B9C0D: removed\n");
        var line = Encoding.ASCII.GetBytes("Nov 28 05:09:02 mta1 postfix/smtp[2101]: 6F7A8B9C0D: " + new string('x', 1024 * 1024) + "\n");
        var path = temp.WriteRepeated("mail.log", [.. Enumerable.Repeat(head, 100).SelectMany(b => b), .. line], HundredMegabytes);

        var result = Assert.Single(ReadBounded(path, 96));

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Read_LogWithOneHugeLineAndInvalidUtf8_LineCutAndEventsRead()
    {
        using var temp = new TempFolder();
        var good = "Nov 28 05:09:02 mta1 postfix/smtp[2101]: 6F7A8B9C0D: to=<pat@example.org>, relay=mx.example.org[198.51.100.30]:25, " +
                   "delay=1, delays=0/0/0/0, dsn=5.1.1, status=bounced (host mx.example.org[198.51.100.30] said: 550 5.1.1 unknown (in reply to RCPT TO command))\n";
        var bytes = new List<byte>(Encoding.ASCII.GetBytes(good));
        bytes.AddRange(Encoding.ASCII.GetBytes("Nov 28 05:09:03 mta1 postfix/smtp[2101]: "));
        bytes.AddRange(Enumerable.Repeat((byte)'x', 8 * 1024 * 1024));
        bytes.AddRange([0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, (byte)'\n']);
        bytes.AddRange(Encoding.ASCII.GetBytes(good));
        var path = temp.Write("mixed.log", [.. bytes]);

        var result = Assert.Single(new EvidenceFileReader().Read(path));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Events.Count);
    }

    [Fact]
    public void Read_MimeNestedTenThousandDeep_NoExceptionAndBounded()
    {
        using var temp = new TempFolder();
        var path = temp.Write("nested.eml", Encoding.ASCII.GetBytes(NestedMultipart(10_000)));

        var result = Assert.Single(ReadBounded(path, 96));

        Assert.True(result.Succeeded || result.Error!.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PastedMimeNestedTenThousandDeep_NoException()
    {
        var events = TextEvidenceParser.Parse(NestedMultipart(10_000), null, "pasted");
        Assert.NotNull(events);
    }

    [Fact]
    public void Read_RandomBytesAndInvalidUtf8Files_NeverThrowAndErrorsNamePath()
    {
        using var temp = new TempFolder();
        var random = new Random(3);
        var prefixes = new[] { "", "From MAILER-DAEMON Sat Nov 28 04:12:09 2026\n", "Return-Path: <>\nContent-Type: multipart/report; boundary=x\n\n--x\n",
                               "Nov 28 05:09:02 mta1 postfix/smtp[1]: A: to=<", "\uFEFF" };
        for (var i = 0; i < 60; i++)
        {
            var body = new byte[random.Next(0, 64 * 1024)];
            random.NextBytes(body);
            var path = temp.Write($"junk{i}.eml", [.. Encoding.UTF8.GetBytes(prefixes[i % prefixes.Length]), .. body]);
            foreach (var r in new EvidenceFileReader().Read(path))
                Assert.True(r.Succeeded || r.Error!.StartsWith(path, StringComparison.Ordinal), r.Error);
        }
    }

    /// <summary>Reads fully and asserts the process's peak working set grew by less than <paramref name="megabytes"/>.</summary>
    private static List<FileReadResult> ReadBounded(string path, long megabytes)
    {
        // Settle the heap first, so garbage from earlier tests is not counted as this read's growth.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var before = process.PeakWorkingSet64;
        var results = new EvidenceFileReader().Read(path).ToList();
        process.Refresh();
        var grown = (process.PeakWorkingSet64 - before) / (1024 * 1024);
        Assert.True(grown < megabytes, $"peak working set grew by {grown} MB reading {path}");
        return results;
    }

    private static string NestedMultipart(int depth)
    {
        var sb = new StringBuilder("From: a@example.com\nTo: b@example.com\nMIME-Version: 1.0\n");
        for (var i = 0; i < depth; i++) sb.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\n\n--b").Append(i).Append('\n');
        sb.Append("Content-Type: text/plain\n\n550 5.1.1 <deep@example.org> unknown\n");
        for (var i = depth - 1; i >= 0; i--) sb.Append("--b").Append(i).Append("--\n");
        return sb.ToString();
    }
}
