using System.Collections.Concurrent;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.SharedState;

/// <summary>Two server instances on one PostgreSQL database: a Slack delivery reaching both is answered once.</summary>
public sealed class TwoInstancesOneDatabaseTests
{
    private static bool IsPost(RecordedRequest request) => request.Uri.AbsolutePath == "/api/chat.postMessage";

    private static async Task<ChannelTestHost> StartAsync(string database)
    {
        var host = await ChannelTestHost.StartAsync(new Dictionary<string, string?>(SlackRequests.Settings()) { ["ConnectionStrings:History"] = database });
        host.SlackApi.Respond = request => IsPost(request)
            ? FakeHttpHandler.Json("""{"ok":true,"channel":"C0CHAN001","ts":"1764309700.000200"}""")
            : FakeHttpHandler.Json("""{"ok":true}""");
        return host;
    }

    [SkippableFact]
    public async Task SlackEvents_SentToTwoInstancesAtOnce_EachAnsweredOnce()
    {
        var database = PostgresServer.RequireDatabase();
        await using var a = await StartAsync(database);
        await using var b = await StartAsync(database);
        const int Events = 20;

        // Each event reaches both instances at the same moment, as a retry landing on another instance behind a load balancer does.
        var sends = new List<Task>();
        for (var i = 0; i < Events; i++)
        {
            var body = SlackRequests.Envelope($"EvTwo{i:D3}", SlackRequests.Mention($"1764309600.{i:D6}", "why icloud"));
            foreach (var host in new[] { a, b })
                sends.Add(Task.Run(async () => (await host.Client.SendAsync(SlackRequests.Signed("/api/slack/events", body))).Dispose()));
        }
        await Task.WhenAll(sends);
        await a.WhenIdleAsync();
        await b.WhenIdleAsync();

        var threads = a.Bot.Turns.Concat(b.Bot.Turns).Select(t => t.ThreadId).ToList();
        Assert.Equal(Events, threads.Count);
        Assert.Equal(Events, threads.Distinct().Count());
        Assert.Equal(Events, a.SlackApi.Requests.Count(IsPost) + b.SlackApi.Requests.Count(IsPost));
    }

    [SkippableFact]
    public async Task SlackEvents_OnSeparateDatabases_AnsweredByEachInstance()
    {
        // The control: without a shared database each instance answers, which is why the shared keys matter.
        await using var a = await StartAsync(PostgresServer.RequireDatabase());
        await using var b = await StartAsync(PostgresServer.RequireDatabase());
        var body = SlackRequests.Envelope("EvSep001", SlackRequests.Mention("1764309600.900001", "why icloud"));

        (await a.Client.SendAsync(SlackRequests.Signed("/api/slack/events", body))).Dispose();
        (await b.Client.SendAsync(SlackRequests.Signed("/api/slack/events", body))).Dispose();
        await a.WhenIdleAsync();
        await b.WhenIdleAsync();

        Assert.Single(a.Bot.Turns);
        Assert.Single(b.Bot.Turns);
    }
}
