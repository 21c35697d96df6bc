using DeliverabilityBot.Application;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

public sealed class IngestServiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dbot-ingest-tests", Guid.NewGuid().ToString("N"));

    public IngestServiceTests() => Directory.CreateDirectory(_folder);

    private string Log(int messages)
    {
        var path = Path.Combine(_folder, "mail.log");
        using var w = new StreamWriter(path);
        for (var i = 0; i < messages; i++)
        {
            var q = $"{0x3F2A0000 + i:X}";
            w.WriteLine($"Nov 28 05:{i / 60 % 60:00}:{i % 60:00} mx1 postfix/qmgr[11]: {q}: from=<news@example.com>, size=2100, nrcpt=1 (queue active)");
            w.WriteLine(i % 3 == 0
                ? $"Nov 28 05:{i / 60 % 60:00}:{i % 60:00} mx1 postfix/smtp[12]: {q}: to=<u{i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx01.mail.icloud.com[17.57.154.6] said: 550 5.1.1 <u{i}@icloud.com>: user does not exist (in reply to RCPT TO command))"
                : $"Nov 28 05:{i / 60 % 60:00}:{i % 60:00} mx1 postfix/smtp[12]: {q}: to=<u{i}@icloud.com>, relay=mx01.mail.icloud.com[17.57.154.6]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as X{i})");
            w.WriteLine($"Nov 28 05:{i / 60 % 60:00}:{i % 60:00} mx1 postfix/qmgr[11]: {q}: removed");
        }
        return path;
    }

    private DeliverabilityBotRuntime Runtime() => new(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, "data"), BatchSize = 100, RetentionDays = 0 });

    [Fact]
    public void Ingest_SameLogTwice_StoredOnceAndSourcesRecorded()
    {
        var log = Log(1000);
        var runtime = Runtime();
        var first = runtime.CreateIngest().Ingest([log]);
        var second = runtime.CreateIngest().Ingest([log]);
        Assert.Equal((1000L, 1000L), (first.EventsRead, first.Stored));
        Assert.Equal((1000L, 0L), (second.EventsRead, second.Stored));
        Assert.Equal(1000, runtime.Store.Reader.EventCount());
        using var c = new SqliteConnection($"Data Source={runtime.Store.Options.DatabasePath}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*), sum(events), sum(stored) FROM sources;";
        using var r = cmd.ExecuteReader();
        r.Read();
        Assert.Equal((2L, 2000L, 1000L), (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)));
    }

    [Fact]
    public void Ingest_MixedLog_CountsEachOutcome()
    {
        var runtime = Runtime();
        var summary = runtime.CreateIngest().Ingest([Log(30)]);
        Assert.Equal(10, summary.ByAction["failed"]);
        Assert.Equal(20, summary.ByAction["delivered"]);
    }

    [Fact]
    public void Ingest_WithObserver_HearsEachCommittedBatchWithItsSpanAndTotals()
    {
        var log = Log(250);
        var runtime = Runtime();
        var heard = new List<Application.Ingest.IngestBatchCommitted>();
        var ingest = runtime.CreateIngest();
        ingest.Observers = [new RecordingObserver(heard)];
        ingest.Ingest([log]);
        // BatchSize 100: three commits, 100 + 100 + 50, all new.
        Assert.Equal([100, 100, 50], heard.Select(b => b.Offered));
        Assert.Equal([100L, 200L, 250L], heard.Select(b => b.TotalStored));
        Assert.All(heard, b => Assert.Equal("ingest", b.Origin));
        Assert.Equal(new DateTimeOffset(DateTime.UtcNow.Year, 11, 28, 5, 0, 0, TimeSpan.Zero), heard[0].OldestEvent);
        Assert.Equal(new DateTimeOffset(DateTime.UtcNow.Year, 11, 28, 5, 4, 9, TimeSpan.Zero), heard[2].NewestEvent);
        // Ingesting again commits the same batches with nothing new in them.
        heard.Clear();
        ingest.Ingest([log]);
        Assert.Equal([0, 0, 0], heard.Select(b => b.Stored));
    }

    [Fact]
    public void Ingest_ObserverThrows_IngestGoesOnAndStoresEverything()
    {
        var ingest = Runtime().CreateIngest();
        ingest.Observers = [new ThrowingObserver()];
        var summary = ingest.Ingest([Log(150)]);
        Assert.Equal(150L, summary.Stored);
        Assert.Empty(summary.Problems);
    }

    private sealed class RecordingObserver(List<Application.Ingest.IngestBatchCommitted> heard) : Application.Ingest.IIngestBatchObserver
    {
        public void OnBatchCommitted(Application.Ingest.IngestBatchCommitted batch) => heard.Add(batch);
    }

    private sealed class ThrowingObserver : Application.Ingest.IIngestBatchObserver
    {
        public void OnBatchCommitted(Application.Ingest.IngestBatchCommitted batch) => throw new InvalidOperationException("broken detector");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
