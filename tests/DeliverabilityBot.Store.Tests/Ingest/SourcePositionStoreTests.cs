using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Sources;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>
/// Live sources' resume points (SQLite schema 7, PostgreSQL migration 4): saved and read back, replaced, and a followed
/// log resuming from them after a restart without storing anything twice.
/// </summary>
public class SourcePositionStoreTests : IDisposable
{
    private TempStore? _store;
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-positions-").FullName;

    /// <summary>The database the tests run on; <see cref="PostgresSourcePositionStoreTests"/> runs them all again on PostgreSQL.</summary>
    protected virtual StoreBackend Backend => StoreBackend.Sqlite;

    // Made on first use, inside the test, so a PostgreSQL test can skip where no server starts.
    private TempStore Temp => _store ??= new(backend: Backend);

    [SkippableFact]
    public void Save_ThenGet_LatestPerKeyUnknownKeyNull()
    {
        var positions = Temp.Store.Positions!;
        positions.Save([new("follow:/var/log/mail.log", "1:2:100:256:AB"), new("journald:u=postfix@-.service", "s=1;i=5")]);
        positions.Save([new("follow:/var/log/mail.log", "1:2:250:256:AB")]);

        Assert.Equal("1:2:250:256:AB", positions.Get("follow:/var/log/mail.log"));
        Assert.Equal("s=1;i=5", positions.Get("journald:u=postfix@-.service"));
        Assert.Null(positions.Get("follow:/var/log/other.log"));
    }

    [SkippableFact]
    public async Task Follow_RestartOnThisStore_ResumesAndStoresNothingTwice()
    {
        var connection = Backend == StoreBackend.Postgres ? PostgresServer.RequireDatabase() : null;
        var runtime = new DeliverabilityBotRuntime(new DeliverabilityBotOptions
        {
            DataDirectory = Path.Combine(_folder, "data"), StoreConnectionString = connection, BatchSize = 100, RetentionDays = 0,
        });
        var lines = await File.ReadAllLinesAsync(TestPaths.InRepo("tests", "fixtures", "scenarios", "icloud-deferrals", "maillog"));
        var log = Path.Combine(_folder, "maillog");
        await File.WriteAllLinesAsync(log, lines[..600]);

        var first = await FollowUntilAsync(runtime, log, File.ReadAllBytes(log).Length);
        await File.AppendAllLinesAsync(log, lines[600..]);
        var second = await FollowUntilAsync(runtime, log, File.ReadAllBytes(log).Length);

        Assert.Equal(lines.Count(l => l.Contains(" to=<", StringComparison.Ordinal)), runtime.Store.Reader.EventCount());
        Assert.Equal(lines[..600].Count(l => l.Contains(" to=<", StringComparison.Ordinal)), first.Stored);
        Assert.Equal(lines[600..].Count(l => l.Contains(" to=<", StringComparison.Ordinal)), second.EventsRead); // nothing read again
    }

    // Follows until the saved offset reaches 'length', then stops.
    private static async Task<IngestSummary> FollowUntilAsync(DeliverabilityBotRuntime runtime, string log, long length)
    {
        var summary = new IngestSummary();
        using var stop = new CancellationTokenSource();
        var pipeline = runtime.CreateIngest().CreatePipeline(releaseWriterAfter: TimeSpan.FromMilliseconds(100));
        var run = Task.Run(() => pipeline.RunAsync(LiveSources.Follow(runtime, [log], new FollowOptions { PollInterval = TimeSpan.FromMilliseconds(10) }), summary, cancellationToken: stop.Token));
        var key = FollowedLogSource.KeyFor(log);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(runtime.Store.Positions!.Get(key)?.Split(':') is { Length: 5 } p && long.Parse(p[2]) == length))
            await Task.Delay(20);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(length, long.Parse(runtime.Store.Positions!.Get(key)!.Split(':')[2]));
        return summary;
    }

    public void Dispose()
    {
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same tests on PostgreSQL (skipped where no server can start, failing under CI=true).</summary>
public sealed class PostgresSourcePositionStoreTests : SourcePositionStoreTests
{
    /// <inheritdoc />
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
