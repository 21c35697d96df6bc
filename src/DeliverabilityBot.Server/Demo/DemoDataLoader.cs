using DeliverabilityBot.Application;
using DeliverabilityBot.Ingestion.Sending;

namespace DeliverabilityBot.Server.Demo;

/// <summary>
/// With <c>--demo</c>: before the server takes requests, writes the generated demo day (<see cref="DemoLog"/>) into the
/// demo data folder and ingests it through the normal ingestion path, unless that store already holds events (a
/// restart keeps the data, and the conversations, it had; answers anchor to the newest event). The demo MTA's Postfix
/// configuration is written beside it and read as <c>--mta-config</c> reads one, so every attempt has its sending IP.
/// </summary>
public sealed partial class DemoDataLoader(DeliverabilityBotRuntime runtime, TimeProvider clock, ILogger<DemoDataLoader> logger) : IHostedService
{
    /// <summary>The file the demo log is written to, inside the data folder.</summary>
    public const string FileName = "demo-mta.log";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(() => Load(cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Load(CancellationToken ct)
    {
        var store = runtime.Store;
        if (store.Reader.LatestEvent() is { } latest)
        {
            LogPresent(store.Location, latest);
            return;
        }
        var now = clock.GetUtcNow();
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        Directory.CreateDirectory(store.Options.DataDirectory);
        var path = Path.Combine(store.Options.DataDirectory, FileName);
        File.WriteAllText(path, DemoLog.ToText(DemoLog.Generate(end)));
        var mtaConfig = DemoLog.WriteMtaConfig(Path.Combine(store.Options.DataDirectory, "demo-mta-config"));
        var sending = SendingMapLoader.Load([mtaConfig], null, new List<string>()) ?? new SendingMap();
        // Postfix has no notion of a stream: the deployment names them, as 'sending.ip.<ip>.stream' lines would.
        foreach (var i in DemoLog.Instances) sending.MapIpStream(i.Ip, i.Stream);
        var summary = runtime.CreateIngest(sending).Ingest([path], cancellationToken: ct);
        LogLoaded(path, summary.EventsRead, summary.Stored, summary.Elapsed.TotalSeconds);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Demo: {Database} already holds events up to {Latest}; not loading the demo day again")]
    private partial void LogPresent(string database, DateTimeOffset latest);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Demo: ingested the generated day {Path}: {Events} events read, {Stored} stored in {Seconds:0.0} s. Open the page and ask \"why is icloud deferring us?\"")]
    private partial void LogLoaded(string path, long events, long stored, double seconds);
}
