using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeliverabilityBot.Server.Channels;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.Channels.Slack;

/// <summary>Who gets answers in Slack: allowed workspaces, no Slack Connect guests by default, allowed channels; masked addresses outside DMs.</summary>
public sealed class SlackAccessTests
{
    private static bool IsPost(RecordedRequest request) => request.Uri.AbsolutePath == "/api/chat.postMessage";

    private static async Task<ChannelTestHost> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = SlackRequests.Settings();
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        var host = await ChannelTestHost.StartAsync(settings);
        host.SlackApi.Respond = request => IsPost(request)
            ? FakeHttpHandler.Json("""{"ok":true,"channel":"C0CHAN001","ts":"1764309601.000100"}""")
            : FakeHttpHandler.Json("""{"ok":true}""");
        return host;
    }

    private static string Envelope(string eventId, JsonObject evt, string? team = null, bool externallyShared = false)
    {
        var envelope = JsonNode.Parse(SlackRequests.Envelope(eventId, evt))!.AsObject();
        if (team is not null) envelope["team_id"] = team;
        if (externallyShared) envelope["is_ext_shared_channel"] = true;
        return envelope.ToJsonString();
    }

    private static async Task SendAsync(ChannelTestHost host, string body)
    {
        using var response = await host.Client.SendAsync(SlackRequests.Signed("/api/slack/events", body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AppMention_FromWorkspaceNotAllowed_NotAnsweredNothingPosted()
    {
        await using var host = await StartAsync();

        await SendAsync(host, Envelope("EvA1", SlackRequests.Mention("1764309600.000100", "why icloud"), team: "T0OTHER99"));
        await host.WhenIdleAsync();

        Assert.Empty(host.Bot.Turns);
        Assert.DoesNotContain(host.SlackApi.Requests, IsPost);
    }

    [Fact]
    public async Task AppMention_InExternallySharedChannel_ToldNotEnabledHere()
    {
        await using var host = await StartAsync();

        await SendAsync(host, Envelope("EvA2", SlackRequests.Mention("1764309600.000200", "why icloud"), externallyShared: true));
        var post = Assert.Single(await host.SlackApi.WaitForAsync(IsPost));
        await host.WhenIdleAsync();

        Assert.Empty(host.Bot.Turns);
        Assert.Equal(ChannelAccess.NotEnabledHere, JsonDocument.Parse(post.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AppMention_FromGuestOfAnotherWorkspace_RefusedUnlessSlackConnectAllowed()
    {
        var mention = SlackRequests.Mention("1764309600.000300", "why icloud");
        mention["user_team"] = "T0GUEST01";
        await using var refusing = await StartAsync();
        await using var allowing = await StartAsync(new() { ["Slack:AllowSlackConnect"] = "true" });

        await SendAsync(refusing, Envelope("EvA3", mention));
        await SendAsync(allowing, Envelope("EvA3", mention.DeepClone().AsObject()));
        await refusing.WhenIdleAsync();
        await allowing.WhenIdleAsync();

        Assert.Empty(refusing.Bot.Turns);
        Assert.Single(allowing.Bot.Turns);
    }

    [Fact]
    public async Task AllowedChannels_OtherChannelRefusedDirectMessageAnswered()
    {
        await using var host = await StartAsync(new() { ["Slack:AllowedChannels:0"] = "C0CHAN001" });

        await SendAsync(host, Envelope("EvA4", SlackRequests.Mention("1764309600.000400", "why icloud", channel: "C0OTHER01")));
        await SendAsync(host, Envelope("EvA5", SlackRequests.DirectMessage("1764309600.000500", "why icloud")));
        await host.SlackApi.WaitForAsync(IsPost, count: 2);
        await host.WhenIdleAsync();

        var turn = Assert.Single(host.Bot.Turns);
        Assert.StartsWith("D", turn.ConversationId.Split(':')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlashCommand_FromWorkspaceNotAllowed_EphemeralNotEnabledHere()
    {
        await using var host = await StartAsync();
        var body = SlackRequests.Form(("team_id", "T0OTHER99"), ("command", "/deliverability"), ("text", "why icloud"), ("channel_id", "C1"), ("user_id", "U1"), ("response_url", "https://slack.test/commands/1"));

        using var response = await host.Client.SendAsync(SlackRequests.Signed("/api/slack/commands", body, "application/x-www-form-urlencoded"));
        var ack = await response.Content.ReadAsStringAsync();
        await host.WhenIdleAsync();

        Assert.Contains(ChannelAccess.NotEnabledHere, ack, StringComparison.Ordinal);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task Answer_InChannelMaskedInDirectMessageInFull()
    {
        await using var host = await StartAsync();

        await SendAsync(host, Envelope("EvA6", SlackRequests.Mention("1764309600.000600", "show evidence")));
        var channelPost = Assert.Single(await host.SlackApi.WaitForAsync(IsPost));
        await SendAsync(host, Envelope("EvA7", SlackRequests.DirectMessage("1764309600.000700", "show evidence")));
        var posts = await host.SlackApi.WaitForAsync(IsPost, count: 2);
        await host.WhenIdleAsync();

        var channelText = JsonText.Strings(channelPost.Body);
        var directText = JsonText.Strings(posts[1].Body);
        Assert.Contains("j***@icloud.com", channelText, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@icloud.com", channelText, StringComparison.Ordinal);
        Assert.Contains("jane.doe@icloud.com", directText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaskRecipientsNever_ChannelAnswerInFull()
    {
        await using var host = await StartAsync(new() { ["Chat:MaskRecipients"] = "Never" });

        await SendAsync(host, Envelope("EvA8", SlackRequests.Mention("1764309600.000800", "show evidence")));
        var post = Assert.Single(await host.SlackApi.WaitForAsync(IsPost));

        Assert.Contains("jane.doe@icloud.com", JsonText.Strings(post.Body), StringComparison.Ordinal);
    }
}
