using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Live;

/// <summary>The real server follows the logs named under <c>Live:Follow</c> and tells registered observers of each commit.</summary>
public sealed class LogWatcherTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dbot-watcher-");

    [Fact]
    public async Task Server_LiveFollowConfigured_StoresAppendedLinesAndNotifiesObservers()
    {
        var lines = await File.ReadAllLinesAsync(TestPaths.InRepo("tests", "fixtures", "scenarios", "icloud-deferrals", "maillog"));
        var log = Path.Combine(_folder.FullName, "maillog");
        await File.WriteAllLinesAsync(log, lines[..300]);
        var notices = new IngestNotifications();
        await using var server = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("data", Path.Combine(_folder.FullName, "data"));
            builder.UseSetting("Live:Follow:0", log);
            builder.UseSetting("Live:PollInterval", "00:00:00.020");
            builder.ConfigureTestServices(services => services.AddSingleton<IIngestBatchObserver>(notices));
        });
        using var client = server.CreateClient();
        await File.AppendAllLinesAsync(log, lines[300..]);

        var runtime = server.Services.GetRequiredService<DeliverabilityBotRuntime>();
        var expected = lines.Count(l => l.Contains(" to=<", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (runtime.Store.Reader.EventCount() < expected && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(expected, runtime.Store.Reader.EventCount());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var first = await notices.ReadAllAsync(cts.Token).FirstAsync(cts.Token);
        Assert.Equal("follow", first.Origin);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { }
    }
}
