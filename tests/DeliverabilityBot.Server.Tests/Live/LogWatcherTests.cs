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

    [Fact]
    public async Task Server_LiveSyslogConfigured_StoresPostfixLinesSentOverUdpAndTcp()
    {
        var lines = (await File.ReadAllLinesAsync(TestPaths.InRepo("tests", "fixtures", "scenarios", "icloud-deferrals", "maillog")))[..200];
        await using var server = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("data", Path.Combine(_folder.FullName, "data"));
            builder.UseSetting("Live:Syslog:Listen:0", "udp://127.0.0.1:0");
            builder.UseSetting("Live:Syslog:Listen:1", "tcp://127.0.0.1:0");
        });
        using var client = server.CreateClient();
        var status = server.Services.GetRequiredService<DeliverabilityBot.Server.Live.LiveSourcesStatus>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (status.Syslog is null && DateTime.UtcNow < deadline) await Task.Delay(20);
        var bound = await status.Syslog!.Bound.WaitAsync(TimeSpan.FromSeconds(60));
        var udp = bound.Single(b => b.Transport == DeliverabilityBot.Ingestion.Sources.Syslog.SyslogTransport.Udp).Address;
        var tcp = bound.Single(b => b.Transport == DeliverabilityBot.Ingestion.Sources.Syslog.SyslogTransport.Tcp).Address;

        // The first half as RFC 3164 datagrams, the rest as LF-framed RFC 3164 over TCP.
        using (var sender = new System.Net.Sockets.UdpClient(System.Net.Sockets.AddressFamily.InterNetwork))
        {
            for (var i = 0; i < 100; i++)
            {
                await sender.SendAsync(System.Text.Encoding.UTF8.GetBytes("<22>" + lines[i]), udp);
                while (status.Syslog.Counters.Received < i + 1 - 32 && DateTime.UtcNow < deadline) await Task.Delay(5);
            }
        }
        using (var connection = new System.Net.Sockets.TcpClient())
        {
            await connection.ConnectAsync(tcp);
            await connection.GetStream().WriteAsync(System.Text.Encoding.UTF8.GetBytes(string.Concat(lines[100..].Select(l => "<22>" + l + "\n"))));
        }

        var runtime = server.Services.GetRequiredService<DeliverabilityBotRuntime>();
        var expected = lines.Count(l => l.Contains(" to=<", StringComparison.Ordinal));
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (runtime.Store.Reader.EventCount() < expected && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(expected, runtime.Store.Reader.EventCount());
        Assert.Equal(0L, status.Syslog.Counters.Dropped);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _folder.Delete(recursive: true); } catch (IOException) { }
    }
}
