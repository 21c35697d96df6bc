using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using DeliverabilityBot.Server.Tests.Chat;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace DeliverabilityBot.Server.Tests.Access;

/// <summary>The real server (Program) in memory: who may reach the web chat, <c>/api/chat</c> and health.</summary>
public sealed class WebAccessServerTests
{
    private const string ApiKey = "ci-key-0123456789abcdef";
    private const string Authority = "https://login.example.test/tenant/v2.0";
    private const string Audience = "api://deliverabilitybot";
    private static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    private static WebApplicationFactory<Program> Server(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        new ChatServerFactory().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureTestServices(services);
        });

    private static HttpRequestMessage Ask(string? apiKey = null, string? bearer = null, string host = "localhost")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { text = "why is icloud deferring us?" }) };
        request.Headers.Host = host;
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        return request;
    }

    [Fact]
    public async Task LoopbackServer_ForeignHostHeader_Refused()
    {
        await using var server = Server([]);
        using var client = server.CreateClient();

        using var rebound = await client.SendAsync(Ask(host: "attacker.example:5080"));
        using var local = await client.SendAsync(Ask(host: "127.0.0.1:5080"));

        Assert.Equal(HttpStatusCode.BadRequest, rebound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task PublicHost_IsAnAllowedHostHeader()
    {
        await using var server = Server(new() { ["Chat:PublicHost"] = "bot.example.com", ["Chat:ApiKeys:ci"] = ApiKey });
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Ask(ApiKey, host: "bot.example.com"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiKeys_ChatNeedsAValidKey()
    {
        await using var server = Server(new() { ["Chat:ApiKeys:ci"] = ApiKey });
        using var client = server.CreateClient();

        using var none = await client.SendAsync(Ask());
        using var wrong = await client.SendAsync(Ask("ci-key-0123456789abcdeX"));
        using var right = await client.SendAsync(Ask(ApiKey));
        using var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("why", (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intent").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task SignInRequired_HealthzMinimalAndRulesHealthBehindSignIn()
    {
        await using var server = Server(new() { ["Chat:ApiKeys:ci"] = ApiKey });
        using var client = server.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        using var rulesAnonymous = await client.GetAsync("/healthz/rules");
        using var rulesRequest = new HttpRequestMessage(HttpMethod.Get, "/healthz/rules");
        rulesRequest.Headers.Add("X-Api-Key", ApiKey);
        using var rulesSignedIn = await client.SendAsync(rulesRequest);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.False(health.TryGetProperty("checks", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, rulesAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rulesSignedIn.StatusCode);
    }

    [Fact]
    public async Task OpenIdConnect_PageRedirectsToProviderAndApiAnswers401()
    {
        await using var server = Server(
            new() { ["Chat:OpenIdConnect:Authority"] = Authority, ["Chat:OpenIdConnect:ClientId"] = "web-client" },
            services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                    new OpenIdConnectConfiguration { Issuer = Authority, AuthorizationEndpoint = "https://login.example.test/authorize" })));
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync("/");
        using var api = await client.SendAsync(Ask());

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var location = page.Headers.Location!.AbsoluteUri;
        Assert.StartsWith("https://login.example.test/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=web-client", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Bearer_ValidTokenAnsweredWrongAudienceRefused()
    {
        await using var server = Server(
            new() { ["Chat:Bearer:Authority"] = Authority, ["Chat:Bearer:Audience"] = Audience },
            services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
                configuration.SigningKeys.Add(SigningKey);
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
        using var client = server.CreateClient();

        using var valid = await client.SendAsync(Ask(bearer: Token(Audience)));
        using var otherAudience = await client.SendAsync(Ask(bearer: Token("api://something-else")));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience.StatusCode);
    }

    [Fact]
    public async Task ExposedServer_RateLimitedPerCaller()
    {
        await using var server = Server(new()
        {
            ["Chat:PublicHost"] = "bot.example.com",
            ["Chat:ApiKeys:ci"] = ApiKey,
            ["Chat:ApiKeys:ops"] = ApiKey + "-ops",
            ["Chat:PermitsPerMinute"] = "2",
        });
        using var client = server.CreateClient();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Ask(ApiKey));
            codes.Add(response.StatusCode);
        }

        using var otherCaller = await client.SendAsync(Ask(ApiKey + "-ops"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.OK, otherCaller.StatusCode);
    }

    [Fact]
    public async Task WebChatDisabled_PageAndApiAreNotFoundHealthStays()
    {
        await using var server = Server(new() { ["Chat:WebChatEnabled"] = "false" });
        using var client = server.CreateClient();

        using var api = await client.SendAsync(Ask());
        using var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData(null, "jane@icloud.com")]
    [InlineData("Always", "j***@icloud.com")]
    public async Task WebChat_DirectByDefaultMaskedWhenAlways(string? mode, string expected)
    {
        await using var server = Server(mode is null ? [] : new() { ["Chat:MaskRecipients"] = mode });
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Ask());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains(expected, body, StringComparison.Ordinal);
        if (mode is not null) Assert.DoesNotContain("jane@icloud.com", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExposedAndOpenToAnyone_RulesHealthHidesTheFolderPath()
    {
        using var folder = new RuleReload.RulesFolderCopy();
        await using var server = Server(new() { ["rules"] = folder.Path, ["Chat:PublicHost"] = "bot.example.com", ["Chat:AllowAnonymous"] = "true" });
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/healthz/rules");

        Assert.DoesNotContain(folder.Path, body, StringComparison.Ordinal);
        Assert.Equal("<rules>", JsonDocument.Parse(body).RootElement.GetProperty("active").GetProperty("folder").GetString());
    }

    [Fact]
    public async Task LoopbackWithoutSignIn_RequestRelayedByTunnel_RefusedHealthStillAnswers()
    {
        await using var server = Server([]);
        using var client = server.CreateClient();
        using var relayed = Ask();
        relayed.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var relayedPage = new HttpRequestMessage(HttpMethod.Get, "/");
        relayedPage.Headers.Add("Forwarded", "for=203.0.113.7");
        using var relayedHealth = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        relayedHealth.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var api = await client.SendAsync(relayed);
        using var page = await client.SendAsync(relayedPage);
        using var health = await client.SendAsync(relayedHealth);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("Chat__PublicHost", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static string Token(string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Authority,
        Audience = audience,
        Claims = new Dictionary<string, object> { ["sub"] = "user-1" },
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
    });
}
