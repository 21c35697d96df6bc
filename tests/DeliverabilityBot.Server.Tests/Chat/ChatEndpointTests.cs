using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeliverabilityBot.Server.Tests.Chat;

public sealed class ChatEndpointTests : IClassFixture<ChatServerFactory>
{
    private readonly ChatServerFactory _factory;

    public ChatEndpointTests(ChatServerFactory factory) => _factory = factory;

    private async Task<JsonElement> Chat(HttpClient client, string? conversationId, string text)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { conversationId, text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task PostChat_Why_ReturnsIntentEntitiesAnswerAndRenderings()
    {
        var body = await Chat(_factory.CreateClient(), "t-why", "why is icloud deferring us?");
        Assert.Equal("why", body.GetProperty("intent").GetString());
        Assert.Equal("icloud", body.GetProperty("entities").GetProperty("receiver").GetString());
        Assert.Contains("620 of 2,000 attempts deferred (31%)", body.GetProperty("answer").GetProperty("headline").GetString());
        Assert.Contains("Proofpoint reputation deferrals", body.GetProperty("text").GetString());
        var html = body.GetProperty("html").GetString()!;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task PostChat_FollowUpWithSameConversation_KeepsTheReceiver()
    {
        var client = _factory.CreateClient();
        await Chat(client, "t-follow", "why is icloud deferring us?");
        var body = await Chat(client, "t-follow", "what should we do?");
        Assert.Equal("actions", body.GetProperty("intent").GetString());
        Assert.Equal("icloud", body.GetProperty("entities").GetProperty("receiver").GetString());
        var actions = body.GetProperty("answer").GetProperty("blocks").EnumerateArray().First(b => b.GetProperty("kind").GetString() == "actions");
        Assert.Contains("Lower concurrency to Apple domains", actions.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.True(File.Exists(Path.Combine(_factory.DataFolder, "conversations.db")), "conversation state is kept in the data folder");
    }

    [Fact]
    public async Task PostChat_NoConversationId_IssuesOne()
    {
        var body = await Chat(_factory.CreateClient(), null, "help");
        Assert.Equal(32, body.GetProperty("conversationId").GetString()!.Length);
    }

    [Theory]
    [InlineData("{\"conversationId\":\"a\",\"text\":\"\"}", "text")]
    [InlineData("{\"conversationId\":\"a\"}", "text")]
    [InlineData("{\"conversationId\":\"a b<\",\"text\":\"hi\"}", "conversationId")]
    public async Task PostChat_InvalidRequest_Returns400NamingTheField(string json, string field)
    {
        var response = await _factory.CreateClient().PostAsync("/api/chat", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task PostChat_TextTooLong_Returns400WithTheLimit()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/chat", new { conversationId = "long", text = new string('a', 70_000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("65536", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostChat_MalformedJson_Returns400()
    {
        var response = await _factory.CreateClient().PostAsync("/api/chat", new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
