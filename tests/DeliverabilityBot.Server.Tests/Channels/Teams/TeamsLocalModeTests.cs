using System.Net;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.Channels.Teams;

/// <summary>Without an app id (Emulator, Agents Playground) the bot answers only loopback callers, token-free.</summary>
public sealed class TeamsLocalModeTests
{
    private static readonly Dictionary<string, string?> LocalMode = new() { ["Teams:LocalMode"] = "true" };

    [Fact]
    public async Task PostActivity_LocalModeFromLoopback_AnsweredWithoutToken()
    {
        await using var host = await ChannelTestHost.StartAsync(LocalMode, IPAddress.IPv6Loopback);
        var activity = TeamsActivities.Mention("local-1", "why icloud", serviceUrl: "http://localhost:51234/", channelId: "emulator");

        using var response = await TeamsActivities.PostAsync(host.Client, activity, token: null);
        var reply = Assert.Single(await host.Connector.WaitForAsync(r => r.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("http://localhost:51234/v3/conversations/", reply.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Null(reply.Authorization);
        Assert.Empty(host.Login.Requests);
    }

    [Fact]
    public async Task PostActivity_LocalModeFromNetwork_Refused()
    {
        await using var host = await ChannelTestHost.StartAsync(LocalMode, IPAddress.Parse("203.0.113.7"));

        using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("remote-1", "why icloud"), token: null);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }
}
