using System.Net;
using System.Text.Json;
using DeliverabilityBot.Conversation.Rendering;
using DeliverabilityBot.Server.Charts;
using DeliverabilityBot.Server.Tests.Channels.Fakes;

namespace DeliverabilityBot.Server.Tests.Channels.Teams;

/// <summary>A chart answer in Teams: the PNG inline in the Adaptive Card (data: URL, alt text with the figures), and the fallback when Teams finds it too large.</summary>
public sealed class TeamsChartTests
{
    private static bool IsMessage(RecordedRequest request) => request.Body.Contains("\"type\":\"message\"", StringComparison.Ordinal);

    private static IEnumerable<JsonElement> Images(RecordedRequest reply)
    {
        using var body = JsonDocument.Parse(reply.Body);
        return body.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "Image").Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task ChartAnswer_CardHoldsTheCompactPngWithAltText()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings(), services: (s, c) => s.AddCharts(c));
        keys.Serve(host);

        using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("chart-1", "show me a chart"), keys.Mint());
        var reply = Assert.Single(await host.Connector.WaitForAsync(IsMessage));
        await host.WhenIdleAsync();

        var image = Assert.Single(Images(reply));
        var url = image.GetProperty("url").GetString()!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        var png = Convert.FromBase64String(url["data:image/png;base64,".Length..]);
        Assert.InRange(png.Length, 1, TeamsAdaptiveCardRenderer.MaxChartBytes);
        Assert.Equal((ChartImageSize.Compact.Width, ChartImageSize.Compact.Height), Chat.ChartImageEndpointTests.PngSize(png));
        Assert.Equal(FakeChatBot.ChartAltText, image.GetProperty("altText").GetString());
    }

    [Fact]
    public async Task ChartAnswer_TeamsSaysTooLarge_SentAgainWithoutTheImage()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings(), services: (s, c) => s.AddCharts(c));
        keys.Serve(host);
        host.Connector.Respond = r => IsMessage(r) && r.Body.Contains("data:image/png", StringComparison.Ordinal)
            ? FakeHttpHandler.Json("""{"error":{"code":"MessageSizeTooBig","message":"Message size too big"}}""", HttpStatusCode.RequestEntityTooLarge)
            : FakeHttpHandler.Json("""{"id":"1"}""");

        using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("chart-2", "show me a chart"), keys.Mint());
        var replies = await host.Connector.WaitForAsync(IsMessage, count: 2);
        await host.WhenIdleAsync();

        Assert.Single(Images(replies[0]));
        Assert.Empty(Images(replies[1]));
        Assert.Contains("deferred 44% of 300 attempts", replies[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartAnswer_NoChartRenderer_CardWithTheFiguresOnly()
    {
        var keys = new BotFrameworkTestKeys();
        await using var host = await ChannelTestHost.StartAsync(BotFrameworkTestKeys.Settings());
        keys.Serve(host);

        using var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Mention("chart-3", "show me a chart"), keys.Mint());
        var reply = Assert.Single(await host.Connector.WaitForAsync(IsMessage));
        await host.WhenIdleAsync();

        Assert.Empty(Images(reply));
        Assert.Contains("deferred 44% of 300 attempts", reply.Body, StringComparison.Ordinal);
    }
}
