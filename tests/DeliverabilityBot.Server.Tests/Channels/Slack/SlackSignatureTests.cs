using System.Net;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.Channels.Slack;

/// <summary>Slack v0 signatures on the raw body: each forgery or replay is refused, the real one passes.</summary>
public sealed class SlackSignatureTests
{
    private const string Body = """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

    public static TheoryData<string, HttpStatusCode> Cases() => new()
    {
        { "valid", HttpStatusCode.OK },
        { "valid, clock 4 minutes apart", HttpStatusCode.OK },
        { "bad signature", HttpStatusCode.Unauthorized },
        { "signed with another secret", HttpStatusCode.Unauthorized },
        { "stale timestamp", HttpStatusCode.Unauthorized },
        { "timestamp far in the future", HttpStatusCode.Unauthorized },
        { "replayed body with a new timestamp", HttpStatusCode.Unauthorized },
        { "body changed after signing", HttpStatusCode.Unauthorized },
        { "no signature", HttpStatusCode.Unauthorized },
        { "no timestamp", HttpStatusCode.Unauthorized },
        { "unknown signature version", HttpStatusCode.Unauthorized },
        { "signature of the uppercase hex", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PostEvents_Signature_RefusedOrAccepted(string scenario, HttpStatusCode expected)
    {
        await using var host = await ChannelTestHost.StartAsync(SlackRequests.Settings());
        var old = SlackRequests.Now(-600);
        var goodNow = "v0=" + DeliverabilityBot.Server.Channels.Slack.SlackSignatureVerifier.Sign(SlackRequests.SigningSecret, SlackRequests.Now(), System.Text.Encoding.UTF8.GetBytes(Body));
        using var request = scenario switch
        {
            "valid" => SlackRequests.Signed("/api/slack/events", Body),
            "valid, clock 4 minutes apart" => SlackRequests.Signed("/api/slack/events", Body, timestamp: SlackRequests.Now(-240)),
            "bad signature" => SlackRequests.Signed("/api/slack/events", Body, signature: "v0=" + new string('a', 64)),
            "signed with another secret" => SlackRequests.Signed("/api/slack/events", Body, secret: "another-secret"),
            "stale timestamp" => SlackRequests.Signed("/api/slack/events", Body, timestamp: old),
            "timestamp far in the future" => SlackRequests.Signed("/api/slack/events", Body, timestamp: SlackRequests.Now(600)),
            "replayed body with a new timestamp" => SlackRequests.Signed(
                "/api/slack/events", Body, timestamp: SlackRequests.Now(),
                signature: "v0=" + DeliverabilityBot.Server.Channels.Slack.SlackSignatureVerifier.Sign(SlackRequests.SigningSecret, old, System.Text.Encoding.UTF8.GetBytes(Body))),
            "body changed after signing" => Tampered(),
            "no signature" => Without("X-Slack-Signature"),
            "no timestamp" => Without("X-Slack-Request-Timestamp"),
            "unknown signature version" => SlackRequests.Signed("/api/slack/events", Body, signature: "v1=" + goodNow[3..]),
            "signature of the uppercase hex" => SlackRequests.Signed("/api/slack/events", Body, signature: goodNow.ToUpperInvariant()),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/api/slack/commands")]
    [InlineData("/api/slack/interactions")]
    public async Task PostOtherEndpoints_BadSignature_Unauthorized(string path)
    {
        await using var host = await ChannelTestHost.StartAsync(SlackRequests.Settings());
        var body = SlackRequests.Form(("command", "/deliverability"), ("text", "why icloud"), ("response_url", "https://slack.test/commands/1"));

        using var response = await host.Client.SendAsync(SlackRequests.Signed(path, body, "application/x-www-form-urlencoded", secret: "wrong"));
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    private static HttpRequestMessage Tampered()
    {
        var request = SlackRequests.Signed("/api/slack/events", Body);
        var headers = request.Headers.ToList();
        var changed = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events")
        {
            Content = new StringContent(Body.Replace("3eZb", "XXXX", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var header in headers)
        {
            changed.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Dispose();
        return changed;
    }

    private static HttpRequestMessage Without(string header)
    {
        var request = SlackRequests.Signed("/api/slack/events", Body);
        request.Headers.Remove(header);
        return request;
    }
}
