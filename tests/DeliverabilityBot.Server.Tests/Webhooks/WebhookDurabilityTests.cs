using System.Net;
using System.Security.Cryptography;
using System.Text;
using DeliverabilityBot.Store.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>
/// Events acknowledged 200 are spooled before the answer: a server that dies before storing them, or after storing them
/// but before letting the spool know, loses nothing and stores nothing twice once it (or another instance) runs again;
/// two instances on one PostgreSQL database take a delivery that reaches both once; the history's write lock never holds
/// up an acknowledgement.
/// </summary>
public sealed class WebhookDurabilityTests
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static Dictionary<string, string> Settings(string? database = null)
    {
        var settings = SendGridWebhookTests.Settings(Key);
        settings["Webhooks:SpoolLease"] = "00:00:01";
        settings["Webhooks:SpoolPollInterval"] = "00:00:00.100";
        if (database is not null) settings["ConnectionStrings:History"] = database;
        return settings;
    }

    // SendGrid deferrals, one event id each, as its documented batch shape.
    private static byte[] Batch(int first, int count)
    {
        var events = Enumerable.Range(first, count).Select(i =>
            $$"""{"email":"user{{i}}@icloud.example","timestamp":{{1714557605 + i}},"event":"deferred","sg_event_id":"durable-{{i}}","sg_message_id":"msg{{i}}.filter0001","response":"421 4.7.0 Try again later","attempt":"1","ip":"192.0.2.10"}""");
        return Encoding.UTF8.GetBytes("[" + string.Join(",", events) + "]");
    }

    // The process died after acknowledging and before the webhook writer stored anything: no writer runs at all.
    private static void WithoutWebhookWriter(IServiceCollection services)
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "WebhookIngestService").ToList())
            services.Remove(d);
    }

    private static async Task<long> WaitForSpoolAsync(WebhookServer server, long pending)
    {
        var spool = server.Services.GetRequiredService<IWebhookSpool>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (spool.Pending() != pending && DateTime.UtcNow < deadline) await Task.Delay(25);
        return spool.Pending();
    }

    [Fact]
    public async Task Post_ServerDiesBeforeStoring_RestartStoresEveryAcknowledgedEventOnce()
    {
        var folder = Directory.CreateTempSubdirectory("dbot-webhooks-durable-");
        try
        {
            await using (var dying = new WebhookServer(Settings(), WithoutWebhookWriter, folder))
            {
                var response = await dying.Client.SendAsync(SendGridWebhookTests.Signed(Key, Batch(0, 40), WebhookFixtures.Now));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("\"accepted\":40", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal(0, dying.Runtime.Store.Reader.EventCount());
                Assert.Equal(40, dying.Services.GetRequiredService<IWebhookSpool>().Pending());
            }

            await using var restarted = new WebhookServer(Settings(), folder: folder);
            Assert.Equal(40, await restarted.WaitForEventsAsync(40));
            Assert.Equal(0, await WaitForSpoolAsync(restarted, 0));
            // SendGrid retrying the same events after the restart: acknowledged as duplicates, nothing stored twice.
            var retry = await restarted.Client.SendAsync(SendGridWebhookTests.Signed(Key, Batch(0, 40), WebhookFixtures.Now + 1));
            Assert.Contains("\"duplicates\":40", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(40, await restarted.WaitForEventsAsync(40));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Drain_ServerDiesAfterStoringBeforeCompleting_RestartStoresNothingTwice()
    {
        var folder = Directory.CreateTempSubdirectory("dbot-webhooks-durable-");
        try
        {
            await using (var dying = new WebhookServer(Settings(), services => services.AddSingleton<IWebhookSpool>(sp =>
                new NeverCompletes(sp.GetRequiredService<Application.DeliverabilityBotRuntime>().Store.WebhookSpool!)), folder))
            {
                Assert.Equal(HttpStatusCode.OK, (await dying.Client.SendAsync(SendGridWebhookTests.Signed(Key, Batch(100, 25), WebhookFixtures.Now))).StatusCode);
                Assert.Equal(25, await dying.WaitForEventsAsync(25));
                Assert.Equal(25, dying.Services.GetRequiredService<IWebhookSpool>().Pending());
            }

            await using var restarted = new WebhookServer(Settings(), folder: folder);
            // The dead instance's claims run out after the lease (1 s here); the events are claimed and stored again: once.
            Assert.Equal(0, await WaitForSpoolAsync(restarted, 0));
            Assert.Equal(25, await restarted.WaitForEventsAsync(25));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Post_HistoryWriteLockHeld_AcknowledgedAndStoredAfterItIsReleased()
    {
        await using var server = new WebhookServer(Settings());
        var history = server.Runtime.Store.Options.DatabasePath;
        HttpResponseMessage response;
        using (var blocker = new SqliteConnection($"Data Source={history};Pooling=False"))
        {
            blocker.Open();
            using var tx = blocker.BeginTransaction(deferred: false); // the history's write lock, as a long ingest batch holds it
            response = await server.Client.SendAsync(SendGridWebhookTests.Signed(Key, Batch(200, 10), WebhookFixtures.Now));
            Assert.Equal(0, server.Runtime.Store.Reader.EventCount());
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, await server.WaitForEventsAsync(10));
    }

    [Fact]
    public async Task Post_SpoolHoldsCapacity_Refused503WithRetryAfterAndTakenLater()
    {
        var settings = Settings();
        settings["Webhooks:SpoolCapacity"] = "10";
        await using var server = new WebhookServer(settings, WithoutWebhookWriter);

        var first = await server.Client.SendAsync(SendGridWebhookTests.Signed(Key, Batch(300, 10), WebhookFixtures.Now));
        var over = await server.Client.SendAsync(SendGridWebhookTests.Signed(Key, Batch(310, 5), WebhookFixtures.Now));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, over.StatusCode);
        Assert.Equal("30", over.Headers.GetValues("Retry-After").Single());
        // Nothing of the refused request was taken: its retry is not a duplicate.
        Assert.False(server.Services.GetRequiredService<IWebhookSpool>().Contains("sendgrid:durable-310"));
    }

    [SkippableFact]
    public async Task Post_SameEventsToTwoInstancesOnOnePostgres_StoredOnce()
    {
        var database = PostgresServer.RequireDatabase();
        await using var a = new WebhookServer(Settings(database));
        await using var b = new WebhookServer(Settings(database));
        const int Batches = 10, PerBatch = 20;

        // Each batch reaches both instances at the same moment, freshly signed each time, as SendGrid's retry landing on
        // the other instance behind a load balancer does.
        var sends = new List<Task<string>>();
        for (var i = 0; i < Batches; i++)
        {
            var body = Batch(1000 + i * PerBatch, PerBatch);
            foreach (var (server, n) in new[] { (a, 0), (b, 1) })
                sends.Add(Task.Run(async () =>
                {
                    using var response = await server.Client.SendAsync(SendGridWebhookTests.Signed(Key, body, WebhookFixtures.Now + n));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    return await response.Content.ReadAsStringAsync();
                }));
        }
        var answers = await Task.WhenAll(sends);

        var accepted = answers.Sum(body => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(Batches * PerBatch, accepted);
        Assert.Equal(Batches * PerBatch, await a.WaitForEventsAsync(Batches * PerBatch));
        Assert.Equal(0, await WaitForSpoolAsync(a, 0));
        Assert.Equal(Batches * PerBatch, b.Runtime.Store.Reader.EventCount());
    }

    // A spool whose completions never arrive: the instance stored the events and died before telling the spool.
    private sealed class NeverCompletes(IWebhookSpool inner) : IWebhookSpool
    {
        public string Location => inner.Location;

        public IReadOnlyList<SpoolOutcome> Accept(IReadOnlyList<SpoolRequest> requests, DateTimeOffset receivedAt) => inner.Accept(requests, receivedAt);

        public IReadOnlyList<SpooledEvent> Claim(string owner, int max, DateTimeOffset now, DateTimeOffset leaseUntil) =>
            inner.Claim(owner, max, now, leaseUntil);

        public void Complete(IReadOnlyCollection<long> ids) { }

        public long Pending() => inner.Pending();

        public bool Contains(string key) => inner.Contains(key);

        public int Prune(DateTimeOffset before) => inner.Prune(before);
    }
}
