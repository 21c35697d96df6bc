using System.Diagnostics;

namespace DeliverabilityBot.LoadTest;

/// <summary>
/// Bounded loopback load test: the real server with the demo day, a fake Slack Web API, N clients. Exit 1 on any error,
/// duplicate or missing reply; 2 on bad arguments. (Not named Program: the server's Program is referenced.)
/// </summary>
public static class LoadTestMain
{
    /// <summary>Runs the load test.</summary>
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        Console.WriteLine($"load: {options.Clients} clients, at most {options.Requests:N0} requests or {options.Duration.TotalSeconds:N0} s, "
            + $"Slack share {options.SlackShare:P0}, retry share {options.RetryShare:P0}, seed {options.Seed}; "
            + $"{Environment.ProcessorCount} CPUs, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");

        await using var slack = await FakeSlackApi.StartAsync(LoadServer.BotToken);
        using var server = new LoadServer(slack.BaseUrl);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Console.WriteLine($"server {server.BaseAddress}, fake Slack API {slack.BaseUrl}");

        // Warm-up (JIT, rule compilation, demo data, connection pool): not measured; its events are checked too.
        var warmup = new LoadClients(http, slack, options with { Clients = 2, Requests = 40, RetryShare = 0.5 }, new Recorder(), firstClientNumber: 900);
        await warmup.RunAsync(CancellationToken.None);

        var recorder = new Recorder();
        var clients = new LoadClients(http, slack, options, recorder);
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        await HoldAsync(options, "before the load", liveBefore);
        var sampler = new MemorySampler(TimeSpan.FromMilliseconds(250));
        var clock = Stopwatch.StartNew();
        using (var deadline = new CancellationTokenSource(options.Duration))
        {
            await clients.RunAsync(deadline.Token);
        }

        var sendSeconds = clock.Elapsed.TotalSeconds;
        await sampler.DisposeAsync();

        var expected = new Dictionary<string, string>(warmup.ExpectedReplies, StringComparer.Ordinal);
        foreach (var (target, eventId) in clients.ExpectedReplies)
        {
            expected[target] = eventId;
        }

        var replies = await ReplyCheck.WaitAndCountAsync(expected, slack, () => server.PendingReplies, options.Drain);
        var liveAfter = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine($"sending phase {sendSeconds:F1} s; Slack: {clients.SlackSent.Events:N0} events, {clients.SlackSent.Retries:N0} deliberate retries, "
            + $"{recorder.Busy:N0} busy (503) answers re-sent, {recorder.LateReplies:N0} replies later than 30 s");
        LoadReport.Latency(recorder, sendSeconds);
        replies.Print();

        // The tool's own records (expected and counted replies per event, latency samples) grow with the requests by design;
        // released, the live heap left is the server's plus the runtime's, which should not grow with the request count.
        expected.Clear();
        expected.TrimExcess();
        warmup.ExpectedReplies.Clear();
        clients.ExpectedReplies.Clear();
        slack.ReleaseCounts();
        recorder.ReleaseSamples();
        var liveServer = GC.GetTotalMemory(forceFullCollection: true);
        await HoldAsync(options, "after the drain, the tool's records released", liveServer);
        LoadReport.Memory(sampler.Samples, liveBefore, liveAfter, liveServer);
        Console.WriteLine($"errors: {recorder.Errors.Count:N0}");
        foreach (var error in recorder.Errors.Take(20))
        {
            Console.WriteLine("  " + error);
        }

        var passed = recorder.Errors.Count == 0 && replies.Clean;
        Console.WriteLine(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    /// <summary>With --hold, pauses so a heap snapshot can be taken of this state.</summary>
    private static async Task HoldAsync(LoadOptions options, string state, long liveBytes)
    {
        if (options.HoldSeconds == 0)
        {
            return;
        }

        Console.WriteLine($"holding {options.HoldSeconds} s {state} (live heap {liveBytes / 1048576.0:F1} MB) for a heap snapshot: "
            + $"dotnet-gcdump collect -p {Environment.ProcessId}");
        await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
    }
}
