using System.Net;
using DeliverabilityBot.Server.Tests.Chat;

namespace DeliverabilityBot.Server.Tests.Web;

public sealed class WebPageTests : IClassFixture<ChatServerFactory>
{
    private readonly HttpClient _client;

    public WebPageTests(ChatServerFactory factory) => _client = factory.CreateClient();

    [Fact]
    public async Task GetRoot_ServesThePageWithAStrictContentSecurityPolicy()
    {
        var response = await _client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"question\">", html);
        Assert.Contains("role=\"log\"", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/chat.js", "text/javascript")]
    [InlineData("/chat.css", "text/css")]
    public async Task GetAsset_IsServedByTheApp(string path, string contentType)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetHealthz_Healthy_ReportsTheStore()
    {
        var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"store\"", await response.Content.ReadAsStringAsync());
    }
}
