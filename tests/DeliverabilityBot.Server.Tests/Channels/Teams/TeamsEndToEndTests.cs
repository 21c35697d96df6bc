using System.Net;
using System.Text.Json;
using DeliverabilityBot.Server.Channels.Teams;
using DeliverabilityBot.Server.Tests.Channels.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DeliverabilityBot.Server.Tests.Channels.Teams;

/// <summary>A Teams message travels: JWT in, fake conversation core, one reply out to the fake Connector.</summary>
public sealed class TeamsEndToEndTests
{
    private const string ReplyUrl =
        "https://smba.test/amer/v3/conversations/19%3Aabc123%40thread.tacv2%3Bmessageid%3D1759881511856/activities/";

    private static bool IsMessage(RecordedRequest request) => request.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal);

    private static bool IsTyping(RecordedRequest request) => request.Body.Contains("\"type\":\"typing\"", StringComparison.Ordinal);

    [Fact]
    public async Task Message_MentionInChannelThread_OneCardReplyToEscapedUrlWithBotToken()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);

        using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("1759881511856", "why is icloud deferring us?"), keys.Mint());
        var replies = await host.Connector.WaitForAsync(IsMessage);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(replies);
        Assert.Equal(ReplyUrl + "1759881511856", reply.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + BotFrameworkTestKeys.ConnectorToken, reply.Authorization);
        using var body = JsonDocument.Parse(reply.Body);
        Assert.Equal("1759881511856", body.RootElement.GetProperty("replyToId").GetString());
        Assert.Equal("markdown", body.RootElement.GetProperty("textFormat").GetString());
        Assert.Equal(TeamsActivities.BotId, body.RootElement.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("29:user-1", body.RootElement.GetProperty("recipient").GetProperty("id").GetString());
        var card = body.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("1.5", card.GetProperty("content").GetProperty("version").GetString());

        var turn = Assert.Single(host.Bot.Turns);
        Assert.Equal("why is icloud deferring us?", turn.Text);
        Assert.Equal("msteams", turn.Channel);
        Assert.Equal(TeamsActivities.ConversationId, turn.ConversationId);
        Assert.Equal("aad-user-1", turn.UserId);

        // Typing went out first, threaded the same way.
        var all = host.Connector.Requests;
        Assert.True(IsTyping(all[0]), "the first Connector call should be the typing indicator");
        Assert.Equal(ReplyUrl + "1759881511856", all[0].Uri.AbsoluteUri);

        // Single-tenant token from the configured tenant, for the Bot Framework scope.
        var login = Assert.Single(host.Login.Requests);
        Assert.Equal($"https://login.microsoftonline.test/{BotFrameworkTestKeys.TenantId}/oauth2/v2.0/token", login.Uri.AbsoluteUri);
        Assert.Contains("grant_type=client_credentials", login.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", login.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ResentWithSameActivityId_AnsweredOnce()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);

        for (var i = 0; i < 3; i++)
        {
            using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("dup-1", "why icloud"), keys.Mint());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.Connector.WaitForAsync(IsMessage);
        await host.WhenIdleAsync();

        Assert.Single(host.Connector.Requests, IsMessage);
        Assert.Single(host.Bot.Turns);
    }

    [Fact]
    public async Task Message_TwoMessages_TokenFetchedOnceAndCached()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);

        (await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("a-1", "why icloud"), keys.Mint())).Dispose();
        (await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("a-2", "why gmail"), keys.Mint())).Dispose();
        await host.Connector.WaitForAsync(IsMessage, count: 2);
        await host.WhenIdleAsync();

        Assert.Single(host.Login.Requests);
    }

    [Fact]
    public async Task Message_ConnectorThrottles_RetriedAfterRetryAfterAndDeliveredOnce()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);
        var throttled = 0;
        host.Connector.Respond = request =>
        {
            if (IsMessage(request) && Interlocked.Increment(ref throttled) <= 2)
            {
                var response = FakeHttpHandler.Json("""{"error":{"code":"TooManyRequests","message":"slow down"}}""", HttpStatusCode.TooManyRequests);
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                return response;
            }

            return FakeHttpHandler.Json("""{"id":"1:reply"}""");
        };

        (await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("t-1", "why icloud"), keys.Mint())).Dispose();
        var attempts = await host.Connector.WaitForAsync(IsMessage, count: 3);
        await host.WhenIdleAsync();

        Assert.Equal(3, host.Connector.Requests.Count(IsMessage));
        Assert.Single(host.Bot.Turns);
        Assert.All(attempts, attempt => Assert.Equal(ReplyUrl + "t-1", attempt.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task ConversationUpdate_BotAddedToTeam_WelcomePostedToConversation()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);

        (await TeamsActivities.PostAsync(host.Client, TeamsActivities.BotAdded("update-1"), keys.Mint())).Dispose();
        var welcome = Assert.Single(await host.Connector.WaitForAsync(IsMessage));

        Assert.Equal("https://smba.test/amer/v3/conversations/19%3Ageneral%40thread.tacv2/activities", welcome.Uri.AbsoluteUri);
        Assert.Equal("help", Assert.Single(host.Bot.Turns).Text);
    }

    [Fact]
    public async Task ConnectorClient_ServiceUrlNotFromValidatedActivity_TokenNeverSent()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);
        var client = host.App.Services.GetRequiredService<BotConnectorClient>();

        await Assert.ThrowsAsync<BotConnectorException>(() => client.SendAsync(
            "https://attacker.test/", "19:x@thread.tacv2", null, new OutboundActivity { Type = "message", Text = "hi" }, CancellationToken.None));

        Assert.Empty(host.Connector.Requests);
        Assert.Empty(host.Login.Requests);
    }

    [Theory]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    [InlineData("""{"text":"no type"}""", HttpStatusCode.BadRequest)]
    public async Task PostActivity_MalformedBody_BadRequest(string body, HttpStatusCode expected)
    {
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());

        using var response = await host.Client.PostAsync("/api/messages", new StringContent(body));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_UnhandledTypeWithValidToken_AcknowledgedAndIgnored()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);
        var reaction = TeamsActivities.Mention("r-1", "x");
        reaction["type"] = "messageReaction";

        using var response = await TeamsActivities.PostAsync(host.Client, reaction, keys.Mint());
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }
}
