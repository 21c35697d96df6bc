using System.IO.Compression;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Sources;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>
/// A scenario log replayed line by line into a followed file, rotated (renamed, gzipped, copied and truncated) and the
/// follower stopped and restarted in the middle, gives the same store as ingesting the whole log at once.
/// </summary>
public sealed class FollowIngestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dbot-follow-tests", Guid.NewGuid().ToString("N"));

    public FollowIngestTests() => Directory.CreateDirectory(_folder);

    private DeliverabilityBotRuntime Runtime(string name) =>
        new(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, name), BatchSize = 100, RetentionDays = 0 });

    [Theory]
    [InlineData("icloud-queue-expiry")]
    [InlineData("icloud-deferrals")]
    public async Task Follow_ReplayWithRotationsAndRestart_SameStoreAsWholeIngest(string scenario)
    {
        var original = TestPaths.InRepo("tests", "fixtures", "scenarios", scenario, "maillog");
        var lines = await File.ReadAllLinesAsync(original);
        var whole = Runtime("whole");
        var summary = whole.CreateIngest().Ingest([original]);
        Assert.True(summary.Stored > 100, $"{scenario}: {summary.Stored} events");

        var live = Runtime("live");
        var logs = Path.Combine(_folder, "logs");
        Directory.CreateDirectory(logs);
        var log = Path.Combine(logs, "maillog");
        int At(double share) => (int)(lines.Length * share);

        var follower = Follow(live, log);
        await Append(log, lines[..At(0.25)]);
        await WaitCaughtUp(live, log);
        await follower.StopAsync();

        // Stopped: more lines, then rotated and gzipped (delaycompress off) before the follower comes back.
        await Append(log, lines[At(0.25)..At(0.4)]);
        File.Move(log, log + ".1");
        Gzip(log + ".1", log + ".1.gz");
        File.Delete(log + ".1");
        await Append(log, lines[At(0.4)..At(0.5)]);

        follower = Follow(live, log);
        await Append(log, lines[At(0.5)..At(0.65)]);
        await WaitCaughtUp(live, log);
        // Renamed while followed: the writer goes on in the old file a little before it reopens the path.
        File.Move(log, log + ".2");
        await Append(log + ".2", lines[At(0.65)..At(0.7)]);
        await Append(log, lines[At(0.7)..At(0.8)]);
        await WaitCaughtUp(live, log);
        // copytruncate while followed: lines written just before the copy may not have been read yet.
        await Append(log, lines[At(0.8)..At(0.85)]);
        File.Copy(log, log + ".3");
        await using (new FileStream(log, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite)) { }
        await Append(log, lines[At(0.85)..]);
        await WaitCaughtUp(live, log);
        await follower.StopAsync();

        Assert.Equal(Dump(whole), Dump(live));
        Assert.Equal(MessageDump(whole), MessageDump(live));
    }

    [Fact]
    public async Task Follow_RestartWithoutNewLines_StoresNothingMoreAndKeepsPosition()
    {
        var original = TestPaths.InRepo("tests", "fixtures", "scenarios", "icloud-deferrals", "maillog");
        var live = Runtime("live");
        var log = Path.Combine(_folder, "maillog");
        File.Copy(original, log);
        var first = Follow(live, log);
        await WaitCaughtUp(live, log);
        var stored = (await first.StopAsync()).Stored;
        var position = live.Store.Positions!.Get(FollowedLogSource.KeyFor(log));
        var second = Follow(live, log);
        await Task.Delay(300);
        var again = await second.StopAsync();
        Assert.True(stored > 0);
        Assert.Equal((0L, 0L), (again.EventsRead, again.Stored));
        Assert.Equal(position, live.Store.Positions!.Get(FollowedLogSource.KeyFor(log)));
    }

    [Fact]
    public async Task Follow_WithObserver_HearsCommitsFromFollowOrigin()
    {
        var original = TestPaths.InRepo("tests", "fixtures", "scenarios", "icloud-deferrals", "maillog");
        var live = Runtime("live");
        var log = Path.Combine(_folder, "maillog");
        File.Copy(original, log);
        var notices = new IngestNotifications();
        var follower = Follow(live, log, [notices]);
        await WaitCaughtUp(live, log);
        var summary = await follower.StopAsync();
        var heard = new List<IngestBatchCommitted>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        try { await foreach (var n in notices.ReadAllAsync(cts.Token)) heard.Add(n); }
        catch (OperationCanceledException) { }
        Assert.All(heard, n => Assert.Equal("follow", n.Origin));
        Assert.Equal(summary.Stored, heard.Sum(n => (long)n.Stored));
    }

    private static Follower Follow(DeliverabilityBotRuntime runtime, string log, IReadOnlyList<IIngestBatchObserver>? observers = null)
    {
        var ingest = runtime.CreateIngest();
        ingest.Observers = observers ?? [];
        var pipeline = ingest.CreatePipeline(releaseWriterAfter: TimeSpan.FromMilliseconds(100));
        var source = new FollowedLogSource(log, new FollowOptions { PollInterval = TimeSpan.FromMilliseconds(10) }, positions: new StoredSourcePositions(runtime.Store));
        var summary = new IngestSummary();
        var cts = new CancellationTokenSource();
        var run = Task.Run(() => pipeline.RunAsync(source, summary, cancellationToken: cts.Token));
        return new Follower(run, cts, summary);
    }

    private sealed record Follower(Task Run, CancellationTokenSource Stop, IngestSummary Summary)
    {
        public async Task<IngestSummary> StopAsync()
        {
            await Stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run);
            return Summary;
        }
    }

    // Line by line, each flushed, as an MTA writes.
    private static async Task Append(string path, string[] lines)
    {
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await using var writer = new StreamWriter(stream) { NewLine = "\n" };
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line);
            await writer.FlushAsync();
        }
    }

    private static void Gzip(string from, string to)
    {
        using var input = File.OpenRead(from);
        using var output = new GZipStream(File.Create(to), CompressionLevel.Fastest);
        input.CopyTo(output);
    }

    // The saved position has reached the end of the file now at the path.
    private static async Task WaitCaughtUp(DeliverabilityBotRuntime runtime, string log)
    {
        var key = FollowedLogSource.KeyFor(log);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var saved = runtime.Store.Positions!.Get(key)?.Split(':');
            if (saved is { Length: 5 } && File.Exists(log) && long.Parse(saved[2]) == new FileInfo(log).Length
                && saved[4] == HeadHash(log, int.Parse(saved[3]))) return;
            await Task.Delay(20);
        }
        Assert.Fail($"{log}: the follower did not catch up in 60 s (position {runtime.Store.Positions!.Get(key)}, length {new FileInfo(log).Length})");
    }

    // The fingerprint the follower keeps of the file it reads: the current file at the path is the one it has read.
    private static string HeadHash(string path, int length)
    {
        var bytes = File.ReadAllBytes(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, Math.Min(length, bytes.Length))));
    }

    private static List<string> Dump(DeliverabilityBotRuntime runtime) => Query(runtime, """
        SELECT e.hash, e.ts, e.action, e.stage, e.kind, e.recipient, r.value, rs.value, f.value, h.value, sip.value, sd.value,
               e.reply_code, COALESCE(e.reply_text, rp.text), e.message_key, e.hard_bounce, e.retryable, e.superseded
        FROM events e
        LEFT JOIN dims r ON r.id = e.receiver_id LEFT JOIN dims rs ON rs.id = e.reason_id LEFT JOIN dims f ON f.id = e.filter_id
        LEFT JOIN dims h ON h.id = e.remote_host_id LEFT JOIN dims sip ON sip.id = e.sending_ip_id
        LEFT JOIN dims sd ON sd.id = e.sender_domain_id LEFT JOIN replies rp ON rp.id = e.reply_id
        ORDER BY e.hash;
        """);

    private static List<string> MessageDump(DeliverabilityBotRuntime runtime) => Query(runtime, """
        SELECT qkey, recipient, first_ts, last_ts, outcome, deferrals, attempts, final_ts, sd.value
        FROM messages LEFT JOIN dims sd ON sd.id = messages.sender_domain_id ORDER BY qkey, recipient;
        """);

    private static List<string> Query(DeliverabilityBotRuntime runtime, string sql)
    {
        using var c = new SqliteConnection($"Data Source={runtime.Store.Options.DatabasePath}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
