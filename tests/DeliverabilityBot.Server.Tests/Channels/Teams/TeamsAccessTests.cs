using System.Net;
using System.Text.Json.Nodes;
using DeliverabilityBot.Server.Channels;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.Channels.Teams;

/// <summary>
/// Who gets answers in Teams and where the bot's token may go: allowed tenants and channels, Bot Framework service
/// hosts only, local mode only for direct loopback connections; masked addresses outside personal chats.
/// </summary>
public sealed class TeamsAccessTests
{
    private static bool IsMessage(RecordedRequest request) => request.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal);

    private static async Task<(ChannelTestHost Host, BotFrameworkTestKeys Keys)> StartAsync(Dictionary<string, string?>? extra = null, Dictionary<string, string?>? baseSettings = null)
    {
        var settings = baseSettings ?? BotFrameworkTestKeys.Settings();
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        var keys = new BotFrameworkTestKeys();
        var host = await ChannelTestHost.StartAsync(settings);
        keys.Serve(host);
        return (host, keys);
    }

    [Fact]
    public async Task Message_FromAnotherTenant_ToldNotEnabledHereNotAnswered()
    {
        var (host, keys) = await StartAsync();
        await using var _ = host;
        var activity = TeamsActivities.Mention("t-1", "why icloud");
        activity["conversation"]!["tenantId"] = "ffffffff-0000-4000-8000-00000000ffff";
        activity["channelData"]!["tenant"]!["id"] = "ffffffff-0000-4000-8000-00000000ffff";

        using var response = await TeamsActivities.PostAsync(host.Client, activity, keys.Mint());
        var reply = Assert.Single(await host.Connector.WaitForAsync(IsMessage));
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ChannelAccess.NotEnabledHere, reply.Body, StringComparison.Ordinal);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task Message_AllowedTenantsListsAnother_Answered()
    {
        var (host, keys) = await StartAsync(new() { ["Teams:AllowedTenants:0"] = "ffffffff-0000-4000-8000-00000000ffff" });
        await using var _ = host;
        var activity = TeamsActivities.Mention("t-2", "why icloud");
        activity["conversation"]!["tenantId"] = "ffffffff-0000-4000-8000-00000000ffff";

        using var response = await TeamsActivities.PostAsync(host.Client, activity, keys.Mint());
        await host.Connector.WaitForAsync(IsMessage);
        await host.WhenIdleAsync();

        Assert.Single(host.Bot.Turns);
    }

    [Fact]
    public async Task Message_ValidTokenForServiceUrlOffTheBotFrameworkHosts_RefusedAndNothingSent()
    {
        // The default hosts: the test connector's host is not among them.
        var settings = BotFrameworkTestKeys.Settings();
        settings.Remove("Teams:ServiceUrlHosts:0");
        var (host, keys) = await StartAsync(baseSettings: settings);
        await using var _ = host;

        using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("t-3", "why icloud"), keys.Mint());
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
        Assert.Empty(host.Login.Requests);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task AllowedChannels_OtherChannelRefusedPersonalChatAnswered()
    {
        var (host, keys) = await StartAsync(new() { ["Teams:AllowedChannels:0"] = "19:ops@thread.tacv2" });
        await using var _ = host;
        var personal = TeamsActivities.Mention("t-5", "why icloud");
        personal["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = BotFrameworkTestKeys.TenantId };

        using var inChannel = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("t-4", "why icloud"), keys.Mint());
        using var inPersonal = await TeamsActivities.PostAsync(host.Client, personal, keys.Mint());
        await host.Connector.WaitForAsync(IsMessage, count: 2);
        await host.WhenIdleAsync();

        var turn = Assert.Single(host.Bot.Turns);
        Assert.Equal("a:1personal", turn.ConversationId);
        Assert.Contains(host.Connector.Requests, r => IsMessage(r) && r.Body.Contains(ChannelAccess.NotEnabledHere, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answer_InChannelMaskedInPersonalChatInFull()
    {
        var (host, keys) = await StartAsync();
        await using var _ = host;
        var personal = TeamsActivities.Mention("t-7", "why icloud");
        personal["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = BotFrameworkTestKeys.TenantId };

        using (await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("t-6", "why icloud"), keys.Mint())) { }
        var channelReply = Assert.Single(await host.Connector.WaitForAsync(IsMessage));
        using (await TeamsActivities.PostAsync(host.Client, personal, keys.Mint())) { }
        var replies = await host.Connector.WaitForAsync(IsMessage, count: 2);
        await host.WhenIdleAsync();

        Assert.Contains("j***@icloud.com", JsonText.Strings(channelReply.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@icloud.com", JsonText.Strings(channelReply.Body), StringComparison.Ordinal);
        Assert.Contains("jane.doe@icloud.com", JsonText.Strings(replies[1].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalMode_ForwardedRequestFromLoopback_Refused()
    {
        await using var host = await ChannelTestHost.StartAsync(new Dictionary<string, string?> { ["Teams:LocalMode"] = "true" }, IPAddress.Loopback);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsActivities.Mention("l-1", "why icloud", serviceUrl: "http://localhost:51234/", channelId: "emulator").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await host.Client.SendAsync(request);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
        Assert.Empty(host.Connector.Requests);
    }

    [Fact]
    public async Task LocalMode_ServiceUrlOffThisMachine_RefusedAndNothingSent()
    {
        await using var host = await ChannelTestHost.StartAsync(new Dictionary<string, string?> { ["Teams:LocalMode"] = "true" }, IPAddress.Loopback);

        using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("l-2", "why icloud", serviceUrl: "http://attacker.example/", channelId: "emulator"), token: null);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
    }
}
