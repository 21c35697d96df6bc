using System.Net;
using System.Text;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>Postmark, SparkPost and Brevo sign nothing: credentials (Basic, bearer) or Brevo's networks prove the caller; event ids dedupe.</summary>
public sealed class CredentialWebhookTests
{
    private const string Password = "a-password-of-some-length";
    private const string Token = "a-bearer-token-of-some-length";

    private static (string, string) Basic(string user, string password) =>
        ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static Task<HttpResponseMessage> Send(WebhookServer server, string provider, string fixture, params (string, string)[] headers) =>
        server.Client.SendAsync(WebhookFixtures.Post(provider, WebhookFixtures.Bytes(provider, fixture), "application/json", headers));

    [Fact]
    public async Task Postmark_BasicAuth_AcceptedOnceRefusedWithoutOrWithWrongCredentials()
    {
        await using var server = new WebhookServer(new Dictionary<string, string> { ["Webhooks:Postmark:Username"] = "postmark", ["Webhooks:Postmark:Password"] = Password });
        var trace = ("X-PM-Webhook-Trace-Id", "7a8b9c0d-0000-4000-8000-000000000004");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(server, "postmark", "bounce.json", trace)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(server, "postmark", "bounce.json", trace, Basic("postmark", "wrong-password-wrong-password"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, "postmark", "bounce.json", trace, Basic("postmark", Password))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(server, "postmark", "bounce.json", trace, Basic("postmark", Password))).StatusCode);

        Assert.Equal(1, await server.WaitForEventsAsync(1));
        var example = Assert.Single(server.Runtime.Store.Reader.Examples(new(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.UtcNow.AddDays(1)), null, null, 10));
        Assert.Contains("452 4.2.2", example.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SparkPost_BearerToken_BatchReplayAnswered200AndStoredOnce()
    {
        await using var server = new WebhookServer(new Dictionary<string, string> { ["Webhooks:SparkPost:BearerToken"] = Token });
        var batch = ("X-MessageSystems-Batch-ID", "77c2b630-d6d0-11e4-b9d6-1681e6b88ec1");
        var bearer = ("Authorization", "Bearer " + Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(server, "sparkpost", "delay-batch.json", batch, ("Authorization", "Bearer not-the-token-at-all"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, "sparkpost", "delay-batch.json", batch, bearer)).StatusCode);
        // SparkPost: "if you receive a batch id you already processed, return 200".
        Assert.Equal(HttpStatusCode.OK, (await Send(server, "sparkpost", "delay-batch.json", batch, bearer)).StatusCode);
        // The same event in another batch: acknowledged, stored once (event_id).
        Assert.Equal(HttpStatusCode.OK, (await Send(server, "sparkpost", "delay-batch.json", ("X-MessageSystems-Batch-ID", "another-batch"), bearer)).StatusCode);

        Assert.Equal(1, await server.WaitForEventsAsync(1));
        var example = Assert.Single(server.Runtime.Store.Reader.Examples(new(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.UtcNow.AddDays(1)), null, null, 10));
        Assert.Equal("192.0.2.10", example.SendingIp);
    }

    [Fact]
    public async Task Brevo_AllowedNetworks_RefusesOtherCallers()
    {
        // The test client calls from no address at all: an allow-list without it refuses.
        await using var server = new WebhookServer(new Dictionary<string, string> { ["Webhooks:Brevo:AllowedNetworks:0"] = "1.179.112.0/20", ["Webhooks:Brevo:AllowedNetworks:1"] = "172.246.240.0/20" });

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(server, "brevo", "deferred.json")).StatusCode);
    }

    [Fact]
    public async Task Brevo_BearerToken_AcceptedOnceRefusedWithout()
    {
        await using var server = new WebhookServer(new Dictionary<string, string> { ["Webhooks:Brevo:BearerToken"] = Token });

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(server, "brevo", "deferred.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(server, "brevo", "deferred.json", ("Authorization", "Bearer " + Token))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(server, "brevo", "deferred.json", ("Authorization", "Bearer " + Token))).StatusCode);

        Assert.Equal(1, await server.WaitForEventsAsync(1));
    }

    [Fact]
    public void Start_BrevoWithoutAnyCheck_StartupErrorNamesTheSettings()
    {
        var error = Assert.Throws<DeliverabilityBot.Server.Access.ServerStartupException>(() => new WebhookServer(new Dictionary<string, string> { ["Webhooks:Brevo:AllowedNetworks:0"] = "not-a-network" }));

        Assert.Contains("Webhooks:Brevo:AllowedNetworks", error.Message, StringComparison.Ordinal);
    }
}
