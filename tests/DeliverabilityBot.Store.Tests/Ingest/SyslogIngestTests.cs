using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DeliverabilityBot.Application;
using DeliverabilityBot.Application.Ingest;
using DeliverabilityBot.Ingestion.Sources;
using DeliverabilityBot.Ingestion.Sources.Syslog;
using Microsoft.Data.Sqlite;

namespace DeliverabilityBot.Store.Tests.Ingest;

/// <summary>
/// Postfix lines sent to the syslog listener on loopback sockets (UDP, TCP with both framings, TLS; RFC 3164 and
/// RFC 5424) are stored as the same attempts as the log ingested as a file.
/// </summary>
public sealed class SyslogIngestTests : IDisposable
{
    private static readonly string Scenario = TestPaths.InRepo("tests", "fixtures", "scenarios", "icloud-deferrals", "maillog");
    private readonly string _folder = Directory.CreateTempSubdirectory("dbot-syslog-tests-").FullName;

    public enum Wire
    {
        Udp3164,
        Udp5424,
        TcpOctetCounted5424,
        TcpLf3164,
        Tls5424,
    }

    [Theory]
    [InlineData(Wire.Udp3164)]
    [InlineData(Wire.Udp5424)]
    [InlineData(Wire.TcpOctetCounted5424)]
    [InlineData(Wire.TcpLf3164)]
    [InlineData(Wire.Tls5424)]
    public async Task Listen_PostfixLinesSent_SameAttemptsAsTheFile(Wire wire)
    {
        var lines = await File.ReadAllLinesAsync(Scenario);
        var whole = Runtime("whole");
        whole.CreateIngest().Ingest([Scenario]);
        var live = Runtime("live");
        var transport = wire switch { Wire.Udp3164 or Wire.Udp5424 => "udp", Wire.Tls5424 => "tls", _ => "tcp" };
        var options = new SyslogOptions { Listen = [$"{transport}://127.0.0.1:0"], CertificatePath = wire == Wire.Tls5424 ? Certificate() : null, CertificatePassword = "test" };
        var listener = Listen(live, options);
        var bound = Assert.Single(await listener.Source.Bound.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(IPAddress.IsLoopback(bound.Address.Address));

        var messages = lines.Select(l => wire is Wire.Udp3164 or Wire.TcpLf3164 ? Rfc3164(l) : Rfc5424(l)).ToList();
        switch (wire)
        {
            case Wire.Udp3164 or Wire.Udp5424:
                using (var udp = new UdpClient(AddressFamily.InterNetwork))
                {
                    for (var i = 0; i < messages.Count; i++)
                    {
                        await udp.SendAsync(Encoding.UTF8.GetBytes(messages[i]), bound.Address);
                        // Paced like a log being written: loopback UDP has no flow control.
                        await WaitReceived(listener.Source, i + 1 - 64);
                    }
                }
                break;
            case Wire.TcpLf3164:
                await SendTcp(bound.Address, tls: false, messages.Select(m => m + "\n"), () => WaitReceived(listener.Source, messages.Count));
                break;
            default:
                await SendTcp(bound.Address, tls: wire == Wire.Tls5424, messages.Select(m => $"{Encoding.UTF8.GetByteCount(m)} {m}"), () => WaitReceived(listener.Source, messages.Count));
                break;
        }
        var expected = IngestedAttempts.Of(whole);
        await WaitStored(live, expected.Count);
        await listener.StopAsync();

        Assert.Equal(expected, IngestedAttempts.Of(live));
        Assert.Equal((lines.Length, 0L, 0L), (listener.Source.Counters.Received, listener.Source.Counters.Dropped, listener.Source.Counters.Oversized));
    }

    [Fact]
    public async Task Listen_QueueFull_UdpMessagesDroppedAndCounted()
    {
        var source = new SyslogSource(new SyslogOptions { Listen = ["udp://127.0.0.1:0"], QueueCapacity = 2 });
        await using var chunks = source.ReadAsync(CancellationToken.None).GetAsyncEnumerator();
        var first = chunks.MoveNextAsync();
        var bound = Assert.Single(await source.Bound.WaitAsync(TimeSpan.FromSeconds(30)));
        var line = await File.ReadLinesAsync(Scenario).Skip(1).FirstAsync();
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        await udp.SendAsync(Encoding.UTF8.GetBytes(Rfc3164(line)), bound.Address);
        Assert.True(await first);

        // Nobody takes the next chunk: the queue holds two, the rest are dropped.
        for (var i = 0; i < 10; i++) await udp.SendAsync(Encoding.UTF8.GetBytes(Rfc3164(line)), bound.Address);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (source.Counters.Received + source.Counters.Dropped < 11 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal((3L, 8L), (source.Counters.Received, source.Counters.Dropped));
    }

    [Fact]
    public async Task Listen_OversizedTcpFrame_SkippedCountedNextOneStored()
    {
        var live = Runtime("live");
        var listener = Listen(live, new SyslogOptions { Listen = ["tcp://127.0.0.1:0"], MaxMessageBytes = 512 });
        var bound = Assert.Single(await listener.Source.Bound.WaitAsync(TimeSpan.FromSeconds(30)));
        var line = Rfc5424((await File.ReadAllLinesAsync(Scenario))[1]);
        var big = "<22>1 - - postfix/smtp 1 - - " + new string('x', 2000);

        await SendTcp(bound.Address, tls: false, [$"{big.Length} {big}", $"{line.Length} {line}"]);
        await WaitStored(live, 1);
        await listener.StopAsync();

        Assert.Equal((1L, 1L), (listener.Source.Counters.Received, listener.Source.Counters.Oversized));
    }

    [Fact]
    public async Task Listen_MoreConnectionsThanAllowed_ExtraOneClosedAndCounted()
    {
        var source = new SyslogSource(new SyslogOptions { Listen = ["tcp://127.0.0.1:0"], MaxConnections = 1 });
        using var stop = new CancellationTokenSource();
        var run = Task.Run(async () => { await foreach (var _ in source.ReadAsync(stop.Token)) { } });
        var bound = Assert.Single(await source.Bound.WaitAsync(TimeSpan.FromSeconds(30)));
        using var first = new TcpClient();
        await first.ConnectAsync(bound.Address);
        await first.GetStream().WriteAsync(Encoding.UTF8.GetBytes("<22>hello\n"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (source.Counters.Received < 1 && DateTime.UtcNow < deadline) await Task.Delay(20);
        using var second = new TcpClient();
        await second.ConnectAsync(bound.Address);

        var read = await second.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, read); // closed by the listener
        Assert.Equal(1L, source.Counters.Refused);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void Listen_PortTaken_BoundFaultsAndSourceThrows()
    {
        using var taken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.Client.LocalEndPoint!).Port;
        var source = new SyslogSource(new SyslogOptions { Listen = [$"udp://127.0.0.1:{port}"] });

        Assert.ThrowsAny<SocketException>(() => source.ReadAsync(CancellationToken.None).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
        Assert.True(source.Bound.IsFaulted);
    }

    // "Mar 22 06:02:25 mta1 postfix/smtp[3046]: ..." as a forwarder sends it: priority mail.info in front.
    internal static string Rfc3164(string line) => "<22>" + line;

    // The same as RFC 5424: the year of the file ingest (the current one), host, app, procid, no structured data.
    internal static string Rfc5424(string line)
    {
        var time = Ingestion.Logs.LogTimestamp.Read(line, DateTime.UtcNow.Year)!.Value;
        var rest = line[16..];
        var host = rest[..rest.IndexOf(' ')];
        rest = rest[(host.Length + 1)..];
        var open = rest.IndexOf('[');
        var close = rest.IndexOf("]: ", StringComparison.Ordinal);
        return $"<22>1 {time:yyyy-MM-ddTHH:mm:ss.ffffffzzz} {host} {rest[..open]} {rest[(open + 1)..close]} - - {rest[(close + 3)..]}";
    }

    private DeliverabilityBotRuntime Runtime(string name) =>
        new(new DeliverabilityBotOptions { DataDirectory = Path.Combine(_folder, name), BatchSize = 100, RetentionDays = 0 });

    private static Listener Listen(DeliverabilityBotRuntime runtime, SyslogOptions options)
    {
        var source = LiveSources.Syslog(runtime, options);
        var summary = new IngestSummary();
        var cts = new CancellationTokenSource();
        var pipeline = runtime.CreateIngest().CreatePipeline(releaseWriterAfter: TimeSpan.FromMilliseconds(100));
        var run = Task.Run(() => pipeline.RunAsync(source, summary, cancellationToken: cts.Token));
        return new Listener(source, run, cts);
    }

    private sealed record Listener(SyslogSource Source, Task Run, CancellationTokenSource Stop)
    {
        public async Task StopAsync()
        {
            await Stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run);
        }
    }

    // A forwarder keeps its connection open; closing right after the last write can reset it (the client closes with
    // the server's unread TLS 1.3 session tickets in its buffer, so the kernel sends RST and the server's unread bytes
    // are dropped). So the client stays connected until the listener has taken every frame.
    private static async Task SendTcp(IPEndPoint address, bool tls, IEnumerable<string> frames, Func<Task>? beforeClose = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address);
        Stream stream = client.GetStream();
        if (tls)
        {
            var ssl = new SslStream(stream, false, (_, _, _, _) => true); // the test's own self-signed certificate
            await ssl.AuthenticateAsClientAsync("localhost");
            stream = ssl;
        }
        await using (stream)
        {
            foreach (var frame in frames) await stream.WriteAsync(Encoding.UTF8.GetBytes(frame));
            await stream.FlushAsync();
            if (beforeClose is not null) await beforeClose();
        }
    }

    private static async Task WaitReceived(SyslogSource source, long atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (source.Counters.Received < atLeast && DateTime.UtcNow < deadline) await Task.Delay(5);
    }

    private static async Task WaitStored(DeliverabilityBotRuntime runtime, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (IngestedAttempts.Of(runtime).Count >= count) return;
            await Task.Delay(50);
        }
        Assert.Fail($"{IngestedAttempts.Of(runtime).Count} of {count} attempts stored in 60 s");
    }

    private string Certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_folder, "syslog.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "test"));
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
