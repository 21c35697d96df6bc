using System.Net;
using System.Net.Http.Json;
using DeliverabilityBot.Server.Tests.Chat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DeliverabilityBot.Server.Tests.Telemetry;

/// <summary><c>/metrics</c>: Prometheus text of DeliverabilityBot's and ASP.NET Core's meters, behind the same sign-in as <c>/api/chat</c>.</summary>
public sealed class MetricsEndpointTests
{
    private const string ApiKey = "metrics-key-0123456789";

    private static WebApplicationFactory<Program> Server(Dictionary<string, string?> settings) =>
        new ChatServerFactory().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });

    private static HttpRequestMessage Get(string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }

    [Fact]
    public async Task Metrics_LoopbackServerAfterAChatTurn_AnswerLatencyByChannelAndRequestDuration()
    {
        await using var server = Server([]);
        using var client = server.CreateClient();

        using var chat = await client.PostAsJsonAsync("/api/chat", new { text = "help" });
        using var metrics = await client.SendAsync(Get());
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("dbot_chat_answer_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("channel=\"web\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ApiKeysConfigured_NeedsAKeyLikeTheChatApi()
    {
        await using var server = Server(new() { ["Chat:ApiKeys:prometheus"] = ApiKey });
        using var client = server.CreateClient();

        using var none = await client.SendAsync(Get());
        using var right = await client.SendAsync(Get(ApiKey));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Metrics_ExposedWithoutSignIn_NotServed()
    {
        await using var server = Server(new() { ["Chat:PublicHost"] = "bot.example.com", ["Chat:WebChatEnabled"] = "false" });
        using var client = server.CreateClient();
        using var request = Get();
        request.Headers.Host = "bot.example.com";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
