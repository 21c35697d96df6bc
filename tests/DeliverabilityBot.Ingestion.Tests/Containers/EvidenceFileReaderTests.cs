using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Containers;

namespace DeliverabilityBot.Ingestion.Tests.Containers;

public sealed class EvidenceFileReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dbot-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Dsn = "From: MAILER-DAEMON@mx.example.org\nTo: news@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nCould not deliver.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--B--\n";

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Read_DsnWithAnyLineEnding_SameRecipientAndReply(string newline)
    {
        var path = Write("dsn.eml", Dsn.Replace("\n", newline));
        var e = Assert.Single(Assert.Single(new EvidenceFileReader().Read(path)).Events);
        Assert.Equal("a@example.org", e.Recipient);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal(path, e.Source);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Read_Mbox_OneResultPerMessageNumbered(string newline)
    {
        var mbox = "From MAILER-DAEMON Thu Nov 28 05:00:00 2026\n" + Dsn + "\nFrom MAILER-DAEMON Thu Nov 28 05:01:00 2026\n" + Dsn.Replace("a@example.org", "b@example.org");
        var path = Write("bounces.mbox", mbox.Replace("\n", newline));
        var results = new EvidenceFileReader().Read(path).ToList();
        Assert.Equal([1, 2], results.Select(r => r.MessageIndex ?? 0));
        Assert.Equal(["a@example.org", "b@example.org"], results.SelectMany(r => r.Events).Select(e => e.Recipient));
        Assert.All(results.SelectMany(r => r.Events), e => Assert.Equal(1, e.Index));
    }

    [Fact]
    public void Read_LogFile_StreamsEveryLine()
    {
        var path = Write("mail.log", "Nov 28 05:00:01 mx1 postfix/smtp[12]: 3F2A11C0042: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)\nNov 28 05:00:02 mx1 postfix/smtp[12]: 3F2A11C0042: to=<b@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))\n");
        var events = Assert.Single(new EvidenceFileReader().Read(path)).Events;
        Assert.Equal([DeliveryAction.Delivered, DeliveryAction.Failed], events.Select(e => e.Action));
    }

    private static string LogLines(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"Nov 28 05:00:{i % 60:00} mx1 postfix/smtp[12]: 3F2A11C{i:X4}: to=<u{i}@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command))\n"));

    [Fact]
    public void ReadLogInSlices_LogOfSevenEvents_SlicesOfThreeHoldWhatReadGives()
    {
        var path = Write("mail.log", LogLines(7));
        var reader = new EvidenceFileReader();

        var slices = reader.ReadLogInSlices(path, 3).ToList();

        Assert.Equal([3, 3, 1], slices.Select(s => s.Events.Count));
        Assert.All(slices, s => Assert.True(s.Succeeded));
        var whole = Assert.Single(reader.Read(path)).Events;
        Assert.Equal(whole.Select(e => (e.Recipient, e.Index, e.Source)), slices.SelectMany(s => s.Events).Select(e => (e.Recipient, e.Index, e.Source)));
    }

    [Fact]
    public void ReadLogInSlices_Keep_HoldsAndCountsOnlyTheKeptEvents()
    {
        var path = Write("mail.log", LogLines(7));

        var slices = new EvidenceFileReader().ReadLogInSlices(path, 2, keep: e => e.Index % 2 == 1).ToList();

        Assert.Equal([2, 2], slices.Select(s => s.Events.Count));
        Assert.Equal([1, 3, 5, 7], slices.SelectMany(s => s.Events).Select(e => e.Index));
    }

    [Fact]
    public void ReadLogInSlices_LogWithoutEvents_OneEmptyResult()
    {
        var path = Write("mail.log", "Nov 28 05:00:01 mx1 postfix/anvil[12]: statistics: max connection rate 1/60s\n");

        var r = Assert.Single(new EvidenceFileReader().ReadLogInSlices(path, 3));

        Assert.True(r.Succeeded);
        Assert.Empty(r.Events);
    }

    [Fact]
    public void ReadLogInSlices_MissingFile_OnlyAFailureNamingThePath()
    {
        var path = Path.Combine(_dir, "gone.log");

        var r = Assert.Single(new EvidenceFileReader().ReadLogInSlices(path, 3));

        Assert.False(r.Succeeded);
        Assert.StartsWith(path + ": cannot be read as a log:", r.Error);
    }

    [Fact]
    public void Read_LeaveLogsFrom_OnlyALogAsLongAsAskedLeftUnread()
    {
        var log = Write("mail.log", LogLines(4));
        var email = Write("dsn.eml", Dsn);
        var length = new FileInfo(log).Length;

        var left = Assert.Single(new EvidenceFileReader(leaveLogsFrom: length).Read(log));
        Assert.True(left.LeftForStreaming);
        Assert.True(left.Succeeded);
        Assert.Empty(left.Events);
        Assert.False(Assert.Single(new EvidenceFileReader(leaveLogsFrom: length + 1).Read(log)).LeftForStreaming);
        Assert.NotEmpty(Assert.Single(new EvidenceFileReader(leaveLogsFrom: length + 1).Read(log)).Events);
        Assert.False(Assert.Single(new EvidenceFileReader(leaveLogsFrom: 100).Read(email)).LeftForStreaming);
        Assert.False(Assert.Single(new EvidenceFileReader(leaveLogsFrom: 1).Read(Path.Combine(_dir, "gone.log"))).LeftForStreaming);
        Assert.False(new EvidenceFileReader(leaveLogsFrom: 1).ReadInSlices(log, 2).First().LeftForStreaming);
    }

    [Fact]
    public void Read_NotABounce_NoEventsNoError()
    {
        var path = Write("hello.eml", "From: friend@example.org\nTo: me@example.com\nSubject: Lunch?\n\nSee you at noon.\n");
        var r = Assert.Single(new EvidenceFileReader().Read(path));
        Assert.True(r.Succeeded);
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Read_FileOverLimit_ErrorNamesPath()
    {
        var path = Write("big.eml", Dsn + new string('x', 4096));
        var r = Assert.Single(new EvidenceFileReader(new IngestionLimits { MaxMessageBytes = 1024 }).Read(path));
        Assert.False(r.Succeeded);
        Assert.Contains(path, r.Error);
        Assert.Contains("limit", r.Error);
    }

    [Fact]
    public void Read_MimeNestedTooDeep_StillReadsWithoutThrowing()
    {
        var nested = "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n";
        for (var i = 0; i < 60; i++) nested += $"--b{i}\nContent-Type: multipart/mixed; boundary=\"b{i + 1}\"\n\n";
        var path = Write("deep.eml", nested);
        var r = Assert.Single(new EvidenceFileReader(new IngestionLimits { MaxMimeDepth = 8 }).Read(path));
        Assert.True(r.Succeeded || r.Error!.Contains(path), r.Error);
    }

    [Fact]
    public void Batch_MissingPathAndFolder_ReportsMissingAndReadsTheRest()
    {
        Write("maildir/cur/1.eml", Dsn);
        Write("maildir/new/2.eml", Dsn.Replace("a@example.org", "b@example.org"));
        var results = new EvidenceBatch(parallelism: 2).Read([Path.Combine(_dir, "missing"), Path.Combine(_dir, "maildir")]).ToList();
        Assert.False(results[0].Succeeded);
        Assert.Contains("no such file or folder", results[0].Error);
        Assert.Equal(["a@example.org", "b@example.org"], results.Skip(1).SelectMany(r => r.Events).Select(e => e.Recipient));
    }
}
