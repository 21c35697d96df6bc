using System.Text.Json.Nodes;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.Channels.Slack;

/// <summary>Socket Mode against a loopback WebSocket server: acks by envelope id, reconnects, de-duplicates retries.</summary>
public sealed class SlackSocketModeTests
{
    [Fact]
    public async Task SocketMode_MentionThenDisconnectThenRetry_AckedReconnectedAnsweredOnce()
    {
        await using var socketServer = await FakeSlackSocketServer.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = "xapp-1-A0APP0001-1234-abcdef",
            ["Slack:BotToken"] = SlackRequests.BotToken,
            ["Slack:ApiBaseUrl"] = SlackRequests.ApiBase,
            ["Slack:AllowedTeams:0"] = SlackRequests.Team,
        });
        host.SlackApi.Respond = request => request.Uri.AbsolutePath.EndsWith("apps.connections.open", StringComparison.Ordinal)
            ? FakeHttpHandler.Json($$"""{"ok":true,"url":"{{socketServer.Url}}"}""")
            : FakeHttpHandler.Json("""{"ok":true,"ts":"1.2"}""");

        var first = await socketServer.NextSessionAsync();
        await first.SendAsync("""{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0APP0001"}}""");
        await first.SendAsync(Envelope("env-1", retryAttempt: 0));
        Assert.Equal("env-1", JsonNode.Parse(await first.ReceiveAsync())!["envelope_id"]!.GetValue<string>());
        await host.SlackApi.WaitForAsync(r => r.Uri.AbsolutePath.EndsWith("chat.postMessage", StringComparison.Ordinal));

        await first.SendAsync("""{"type":"disconnect","reason":"refresh_requested"}""");
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await socketServer.NextSessionAsync();
        await second.SendAsync(Envelope("env-2", retryAttempt: 1));
        Assert.Equal("env-2", JsonNode.Parse(await second.ReceiveAsync())!["envelope_id"]!.GetValue<string>());

        await second.SendAsync("""{"envelope_id":"env-3","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/deliverability","text":"help","team_id":"T0TEAM001","channel_id":"C1","user_id":"U1"}}""");
        var commandAck = JsonNode.Parse(await second.ReceiveAsync())!;
        await host.WhenIdleAsync();

        Assert.Equal("env-3", commandAck["envelope_id"]!.GetValue<string>());
        Assert.Contains("Usage", commandAck["payload"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, host.SlackApi.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("apps.connections.open", StringComparison.Ordinal)));
        Assert.All(
            host.SlackApi.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("apps.connections.open", StringComparison.Ordinal)),
            r => Assert.Equal("Bearer xapp-1-A0APP0001-1234-abcdef", r.Authorization));
        Assert.Single(host.SlackApi.Requests, r => r.Uri.AbsolutePath.EndsWith("chat.postMessage", StringComparison.Ordinal));
        Assert.Single(host.Bot.Turns);
    }

    private static string Envelope(string envelopeId, int retryAttempt) => new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        ["payload"] = JsonNode.Parse(SlackRequests.Envelope("EvSock01", SlackRequests.Mention("1764309600.001000", "why icloud"))),
    }.ToJsonString();
}
