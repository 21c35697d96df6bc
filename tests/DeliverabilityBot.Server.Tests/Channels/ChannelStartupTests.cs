using System.Net;
using DeliverabilityBot.Core.Queries;
using DeliverabilityBot.Server.Channels;
using DeliverabilityBot.Server.Tests.Chat;
using DeliverabilityBot.Server.Tests.Channels.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Tests.Channels;

/// <summary>The real server (Program): a channel is on only when configured, and a half configuration stops startup.</summary>
public sealed class ChannelStartupTests
{
    private static WebApplicationFactory<Program> Server(IDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // The chat engineer's server needs a data folder; the channels need only configuration.
            builder.UseSetting("data", Directory.CreateTempSubdirectory("dbot-channels-").FullName);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IDeliverabilityQueries>(new StubQueries())));
        });

    [Fact]
    public async Task OnlySlackConfigured_SignedUrlVerification_ReturnsChallengeAndTeamsIsOff()
    {
        await using var server = Server(SlackRequests.Settings());
        using var client = server.CreateClient();
        const string body = """{"token":"t","challenge":"challenge-from-slack-42","type":"url_verification"}""";

        using var signed = await client.SendAsync(SlackRequests.Signed("/api/slack/events", body));
        using var forged = await client.SendAsync(SlackRequests.Signed("/api/slack/events", body, secret: "not-the-secret"));
        using var teams = await client.PostAsync("/api/messages", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("challenge-from-slack-42", await signed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, teams.StatusCode);
    }

    [Fact]
    public async Task NothingConfigured_ChannelEndpointsAreNotFound()
    {
        await using var server = Server(new Dictionary<string, string?>());
        using var client = server.CreateClient();

        foreach (var path in new[] { "/api/messages", "/api/slack/events", "/api/slack/commands", "/api/slack/interactions" })
        {
            using var response = await client.PostAsync(path, new StringContent("{}"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public void TeamsAppIdWithoutPassword_StartupFailsNamingTheSettingWithoutLeakingSecrets()
    {
        using var server = Server(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = BotFrameworkTestKeys.AppId,
            ["Teams:TenantId"] = BotFrameworkTestKeys.TenantId,
        });

        var error = Assert.Throws<ChannelConfigurationException>(() => server.CreateClient());

        Assert.Contains("Teams:AppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TeamsSingleTenantWithoutTenant_StartupFailsNamingTenantId()
    {
        using var server = Server(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = BotFrameworkTestKeys.AppId,
            ["Teams:AppPassword"] = "super-secret-password-value",
        });

        var error = Assert.Throws<ChannelConfigurationException>(() => server.CreateClient());

        Assert.Contains("Teams:TenantId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-password-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlackBotTokenWithoutSigningSecretOrAppToken_StartupFails()
    {
        using var server = Server(new Dictionary<string, string?> { ["Slack:BotToken"] = SlackRequests.BotToken });

        var error = Assert.Throws<ChannelConfigurationException>(() => server.CreateClient());

        Assert.Contains("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackRequests.BotToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlackWithoutAllowedTeams_StartupFailsNamingTheSetting()
    {
        var settings = SlackRequests.Settings();
        settings.Remove("Slack:AllowedTeams:0");
        using var server = Server(settings);

        var error = Assert.Throws<ChannelConfigurationException>(() => server.CreateClient());

        Assert.Contains("Slack:AllowedTeams", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TeamsMultiTenantWithoutAllowedTenants_StartupFailsNamingTheSetting()
    {
        using var server = Server(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = BotFrameworkTestKeys.AppId,
            ["Teams:AppPassword"] = "test-app-password",
            ["Teams:AppType"] = "MultiTenant",
        });

        var error = Assert.Throws<ChannelConfigurationException>(() => server.CreateClient());

        Assert.Contains("Teams:AllowedTenants", error.Message, StringComparison.Ordinal);
    }
}
