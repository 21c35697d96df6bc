using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeliverabilityBot.Server.Charts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DeliverabilityBot.Server.Tests.Chat;

/// <summary><c>GET /api/chat/chart.png</c>: a PNG drawn from the queries, its parameters checked, and the chat's access rules.</summary>
public sealed class ChartImageEndpointTests
{
    private const string ApiKey = "ci-key-0123456789abcdef";
    private static readonly DateTimeOffset From = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    private static string Url(string receiver = "icloud") =>
        ChartImageEndpoints.UrlFor(new Conversation.Answers.Blocks.ChartSource(receiver, From, From.AddDays(1), null, false));

    private static WebApplicationFactory<Program> Server(Dictionary<string, string?> settings) =>
        new ChatServerFactory().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png.Take(8));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void UrlFor_Source_PathWithReceiverUnixSecondsAndSplit()
    {
        var url = ChartImageEndpoints.UrlFor(new Conversation.Answers.Blocks.ChartSource("icloud", From, From.AddHours(1), "2001:db8::1", true));
        Assert.Equal("/api/chat/chart.png?receiver=icloud&from=1795759200&to=1795762800&ip=2001%3Adb8%3A%3A1&by=ip", url);
    }

    [Fact]
    public async Task GetChart_ValidRequest_PrivatelyCachedPngOfTheStandardSize()
    {
        await using var server = new ChatServerFactory();
        using var client = server.CreateClient();

        using var response = await client.GetAsync(Url());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 300 }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal((960, 600), PngSize(await response.Content.ReadAsByteArrayAsync()));
        var asked = Assert.Single(server.Queries.TimelineRequests);
        Assert.Equal(("icloud", From, From.AddDays(1), (string?)null, false), (asked.Receiver, asked.Window.From, asked.Window.To, asked.SendingIp, asked.BySendingIp));
    }

    [Fact]
    public async Task GetChart_BadParameters_400NamingEachOne()
    {
        await using var server = Server([]);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/api/chat/chart.png?receiver=nosuchmail&from=yesterday&to=5&ip=1.2.3&by=domain");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var name in new[] { "receiver", "from", "ip", "by" }) Assert.True(errors.TryGetProperty(name, out _), $"no error for {name}: {errors}");
        Assert.Contains("nosuchmail", errors.GetProperty("receiver")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChart_ToBeforeFromOrTooLong_400()
    {
        await using var server = Server([]);
        using var client = server.CreateClient();

        using var backwards = await client.GetAsync("/api/chat/chart.png?from=2000&to=1000");
        using var tooLong = await client.GetAsync($"/api/chat/chart.png?from=0&to={400L * 86400}");

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 366 days", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChart_ApiKeysConfigured_NeedsAValidKeyLikeTheChat()
    {
        await using var server = Server(new() { ["Chat:ApiKeys:ci"] = ApiKey });
        using var client = server.CreateClient();

        using var none = await client.GetAsync(Url());
        using var request = new HttpRequestMessage(HttpMethod.Get, Url());
        request.Headers.Add("X-Api-Key", ApiKey);
        using var keyed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }

    [Fact]
    public async Task GetChart_RelayedToALoopbackServerWithoutSignIn_Refused()
    {
        await using var server = Server([]);
        using var client = server.CreateClient();
        using var relayed = new HttpRequestMessage(HttpMethod.Get, Url());
        relayed.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(relayed);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetChart_WebChatDisabled_NotFound()
    {
        await using var server = Server(new() { ["Chat:WebChatEnabled"] = "false" });
        using var client = server.CreateClient();

        using var response = await client.GetAsync(Url());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
