using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeliverabilityBot.Server.Tests.Chat;

public sealed class FailingStoreTests : IDisposable
{
    private readonly ChatServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PostChat_StoreFails_StillAnswers200WithAnApology()
    {
        _factory.Queries.Fail = true;
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/chat", new { conversationId = "f", text = "why is icloud deferring us?" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("could not read the delivery history", body.GetProperty("answer").GetProperty("headline").GetString());
    }

    [Fact]
    public async Task GetHealthz_StoreFails_Returns503Unhealthy()
    {
        _factory.Queries.Fail = true;
        var response = await _factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"Unhealthy\"", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("store offline", await response.Content.ReadAsStringAsync());
    }
}
