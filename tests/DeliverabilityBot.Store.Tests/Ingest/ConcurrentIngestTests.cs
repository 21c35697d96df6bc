using DeliverabilityBot.Application;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>Several ingests into one data folder at once, each with its own runtime and store, as separate processes would.</summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dbot-concurrent-tests", Guid.NewGuid().ToString("N"));

    public ConcurrentIngestTests() => Directory.CreateDirectory(_folder);

    /// <summary>A Postfix log of messages first .. first + count - 1 (a third bounced, with a few receivers and reasons).</summary>
    private string Log(string name, int first, int count)
    {
        var path = Path.Combine(_folder, name);
        using var w = new StreamWriter(path);
        string[] domains = ["icloud.com", "gmail.com", "yahoo.com", "example.org"];
        for (var i = first; i < first + count; i++)
        {
            var q = $"{0x3F2A0000 + i:X}";
            var t = $"Nov 28 {5 + i / 3600 % 10:00}:{i / 60 % 60:00}:{i % 60:00}";
            var domain = domains[i % domains.Length];
            w.WriteLine($"{t} mx1 postfix/qmgr[11]: {q}: from=<news{i % 7}@sender{i % 3}.example>, size=2100, nrcpt=1 (queue active)");
            w.WriteLine((i % 3) switch
            {
                0 => $"{t} mx1 postfix/smtp[12]: {q}: to=<u{i}@{domain}>, relay=mx.{domain}[192.0.2.{i % 200}]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.{domain}[192.0.2.{i % 200}] said: 550 5.1.1 <u{i}@{domain}>: user{i % 11} does not exist (in reply to RCPT TO command))",
                1 => $"{t} mx1 postfix/smtp[12]: {q}: to=<u{i}@{domain}>, relay=mx.{domain}[192.0.2.{i % 200}]:25, delay=1, delays=0/0/0/1, dsn=4.7.0, status=deferred (host mx.{domain}[192.0.2.{i % 200}] said: 421 4.7.0 [TS0{i % 4}] Messages from 198.51.100.{i % 50} temporarily deferred (in reply to end of DATA command))",
                _ => $"{t} mx1 postfix/smtp[12]: {q}: to=<u{i}@{domain}>, relay=mx.{domain}[192.0.2.{i % 200}]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as X{i})",
            });
            w.WriteLine($"{t} mx1 postfix/qmgr[11]: {q}: removed");
        }
        return path;
    }

    private DeliverabilityBotRuntime Runtime(string data) =>
        new(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, data), BatchSize = 50, RetentionDays = 0 });

    [Fact]
    public void Ingest_FourAtOnceOfOverlappingLogs_SameStoreAsOneIngestOfAll()
    {
        // Four logs of 600 messages, each overlapping the next by 300: 1,500 distinct messages.
        var logs = Enumerable.Range(0, 4).Select(k => Log($"part{k}.log", k * 300, 600)).ToArray();
        var all = Log("all.log", 0, 1_500);

        var expected = Runtime("one").CreateIngest().Ingest([all]);
        var waits = 0;
        var summaries = logs.AsParallel().WithDegreeOfParallelism(4).Select(log =>
        {
            var ingest = Runtime("four").CreateIngest();
            ingest.Waiting = _ => Interlocked.Increment(ref waits);
            return ingest.Ingest([log]);
        }).ToArray();

        Assert.All(summaries, s => Assert.Empty(s.Problems));
        Assert.Equal(expected.Stored, summaries.Sum(s => s.Stored));
        Assert.Equal(4 * 600 * 1L, summaries.Sum(s => s.EventsRead));
        Assert.Equal(Snapshot("one"), Snapshot("four"));
    }

    [Fact]
    public async Task CreateWriter_WhileAnotherWrites_WaitsSaysSoAndThenWrites()
    {
        var first = Runtime("data").Store;
        var second = Runtime("data").Store;
        var heard = new List<string>();
        var holder = first.CreateWriter();

        var waiting = Task.Run(() =>
        {
            using var w = second.CreateWriter(m => { lock (heard) heard.Add(m); });
            return true;
        });
        SpinWait.SpinUntil(() => { lock (heard) return heard.Count > 0; }, TimeSpan.FromSeconds(30));
        Assert.False(waiting.IsCompleted);
        holder.Dispose();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        var message = Assert.Single(heard);
        Assert.Contains("another dbot is writing to this data folder", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateWriter_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var store = Runtime("data").Store;
        using var holder = store.CreateWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.ThrowsAny<OperationCanceledException>(() => Runtime("data").Store.CreateWriter(null, cancel.Token));
    }

    /// <summary>The stored events, rollups and dimension values of a store, ids replaced by the values they stand for.</summary>
    private string Snapshot(string data)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(_folder, data, StoreOptions.DatabaseFileName)};Pooling=False");
        c.Open();
        var dims = new Dictionary<long, string> { [0] = "" };
        foreach (var row in Rows(c, "SELECT id, kind || ':' || value FROM dims")) dims[long.Parse(row[0])] = row[1];
        var lines = new List<string>();
        lines.AddRange(Rows(c, "SELECT hash FROM events").Select(r => "event " + r[0]));
        lines.AddRange(Rows(c, "SELECT hour, receiver_id, action, reason_id, category_id, filter_id, ruleset_id, sending_ip_id, sender_domain_id, n, first_ts, last_ts FROM hourly")
            .Select(r => "hourly " + string.Join('|', r.Select((v, i) => i is 1 or 3 or 4 or 5 or 6 or 7 or 8 ? dims[long.Parse(v)] : v))));
        // Input file names are dimension values too, and differ between the two stores by design.
        lines.AddRange(dims.Values.Where(v => !v.Contains(_folder, StringComparison.Ordinal)).Select(v => "dim " + v));
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static List<string[]> Rows(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read()) rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
