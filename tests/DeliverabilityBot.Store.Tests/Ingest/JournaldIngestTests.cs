using System.Globalization;
using System.Text.Json;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Logs;
using DeliverabilityBot.Ingestion.Sources.Journald;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>
/// The journal read through a stand-in journalctl (tests/fixtures/journald/fake-journalctl: CI has no journal): entries
/// become the same attempts as the log file, and the cursor saved after each stored chunk makes a restart go on after
/// the last stored entry, neither losing nor repeating one.
/// </summary>
public sealed class JournaldIngestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-journald-tests-").FullName;
    private static readonly JournaldOptions Selection = new() { Units = ["postfix@-.service"] };

    [Fact]
    public async Task Read_FixtureEntries_PostfixAttemptsStoredCursorOfLastEntrySaved()
    {
        var journal = FakeJournal(File.ReadAllLines(TestPaths.InRepo("tests", "fixtures", "journald", "entries.jsonl")));
        var live = Runtime("live");

        var reader = Read(live, journal);
        await WaitCursor(live, "i=1004");
        await reader.StopAsync();

        var rows = IngestedAttempts.Of(live);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("user1001@icloud.com", StringComparison.Ordinal) && r.Contains("421 4.7.0 Deferred", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("user1002@gmail.com", StringComparison.Ordinal));
        Assert.Contains("--unit=postfix@-.service", File.ReadAllText(Path.Combine(journal, "calls.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RestartMidJournal_ResumesAfterSavedCursorSameAttemptsAsTheFile()
    {
        var log = TestPaths.InRepo("tests", "fixtures", "scenarios", "icloud-deferrals", "maillog");
        var entries = Entries(File.ReadAllLines(log));
        var whole = Runtime("whole");
        whole.CreateIngest().Ingest([log]);
        var live = Runtime("live");
        var half = entries.Count / 2;
        var journal = FakeJournal(entries.Take(half));

        var first = Read(live, journal);
        await WaitCursor(live, $"i={half};");
        await first.StopAsync();
        var storedBefore = IngestedAttempts.Of(live).Count;
        // Written while stopped.
        await File.AppendAllLinesAsync(Path.Combine(journal, "entries.jsonl"), entries.Skip(half));
        var second = Read(live, journal);
        await WaitCursor(live, $"i={entries.Count};");
        var third = await Restart(second, live, journal);

        Assert.True(storedBefore > 0);
        Assert.Equal(IngestedAttempts.Of(whole), IngestedAttempts.Of(live));
        var calls = File.ReadAllLines(Path.Combine(journal, "calls.log")).Where(c => c.Contains("--follow", StringComparison.Ordinal)).ToList();
        var warmUps = File.ReadAllLines(Path.Combine(journal, "calls.log")).Where(c => !c.Contains("--follow", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, calls.Count);
        Assert.Equal(2, warmUps.Count); // each restart reads the hours before the cursor again for the queue ids' senders
        Assert.All(warmUps, w => Assert.Contains("--since=@", w, StringComparison.Ordinal));
        Assert.DoesNotContain("--after-cursor", calls[0], StringComparison.Ordinal);
        Assert.Contains($"--after-cursor=s=1;i={half};", calls[1], StringComparison.Ordinal);
        Assert.Contains($"--after-cursor=s=1;i={entries.Count};", calls[2], StringComparison.Ordinal);
        Assert.Equal((0L, 0L), (third.EventsRead, third.Stored));
    }

    // Stops the reader, starts it again with nothing new written, lets it run a moment and stops it.
    private async Task<IngestSummary> Restart(Reader reader, DeliverabilityBotRuntime live, string journal)
    {
        await reader.StopAsync();
        var again = Read(live, journal);
        var calls = Path.Combine(journal, "calls.log");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (File.ReadAllLines(calls).Count(c => c.Contains("--follow", StringComparison.Ordinal)) < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await Task.Delay(300);
        await again.StopAsync();
        return again.Summary;
    }

    // The log's lines as journalctl -o json would print them: identifier, pid, host, time, message; cursors s=1;i=N;...
    private static List<string> Entries(IEnumerable<string> lines)
    {
        var entries = new List<string>();
        foreach (var line in lines)
        {
            var time = LogTimestamp.Read(line, DateTime.UtcNow.Year)!.Value;
            var rest = line[16..];
            var host = rest[..rest.IndexOf(' ')];
            rest = rest[(host.Length + 1)..];
            var open = rest.IndexOf('[');
            var close = rest.IndexOf("]: ", StringComparison.Ordinal);
            var n = entries.Count + 1;
            entries.Add(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["__CURSOR"] = $"s=1;i={n};b=2;m={n:x};t={time.ToUnixTimeMilliseconds() * 1000:x};x={n * 7:x}",
                ["__REALTIME_TIMESTAMP"] = (time.ToUnixTimeMilliseconds() * 1000).ToString(CultureInfo.InvariantCulture),
                ["_HOSTNAME"] = host,
                ["SYSLOG_IDENTIFIER"] = rest[..open],
                ["_PID"] = rest[(open + 1)..close],
                ["_SYSTEMD_UNIT"] = "postfix@-.service",
                ["MESSAGE"] = rest[(close + 3)..],
            }));
        }
        return entries;
    }

    private string FakeJournal(IEnumerable<string> entries)
    {
        var folder = Path.Combine(_folder, "journal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "journalctl");
        File.Copy(TestPaths.InRepo("tests", "fixtures", "journald", "fake-journalctl"), script);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllLines(Path.Combine(folder, "entries.jsonl"), entries);
        return folder;
    }

    private DeliverabilityBotRuntime Runtime(string name) =>
        new(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, name), BatchSize = 100, RetentionDays = 0 });

    private static Reader Read(DeliverabilityBotRuntime runtime, string journal)
    {
        var source = LiveSources.Journald(runtime, Selection with { Command = Path.Combine(journal, "journalctl") });
        var summary = new IngestSummary();
        var cts = new CancellationTokenSource();
        var pipeline = runtime.CreateIngest().CreatePipeline(releaseWriterAfter: TimeSpan.FromMilliseconds(100));
        var run = Task.Run(() => pipeline.RunAsync(source, summary, cancellationToken: cts.Token));
        return new Reader(run, cts, summary);
    }

    private sealed record Reader(Task Run, CancellationTokenSource Stop, IngestSummary Summary)
    {
        public async Task StopAsync()
        {
            await Stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run);
        }
    }

    private static async Task WaitCursor(DeliverabilityBotRuntime runtime, string part)
    {
        var key = JournaldSource.KeyFor(Selection);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (runtime.Store.Positions!.Get(key) is { } cursor && cursor.Contains(part, StringComparison.Ordinal)) return;
            await Task.Delay(20);
        }
        Assert.Fail($"cursor with '{part}' not saved in 60 s (saved: {runtime.Store.Positions!.Get(key)})");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
