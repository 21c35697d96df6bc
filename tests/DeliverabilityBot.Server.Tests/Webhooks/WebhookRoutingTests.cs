using System.Net;
using DeliverabilityBot.Server.Access;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>Which providers answer, and what a wrong setting does at startup.</summary>
public sealed class WebhookRoutingTests
{
    [Fact]
    public async Task Post_ProviderNotConfigured_NotFound()
    {
        await using var server = new WebhookServer(MailgunWebhookTests.Settings());

        var response = await server.Client.SendAsync(WebhookFixtures.Post("sendgrid", WebhookFixtures.Bytes("sendgrid", "batch.json"), "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.SendAsync(WebhookFixtures.Post("nosuchesp", [], "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Refused413()
    {
        var settings = MailgunWebhookTests.Settings();
        settings["Webhooks:MaxBodyBytes"] = "1024";
        await using var server = new WebhookServer(settings);

        var response = await server.Client.SendAsync(WebhookFixtures.Post("mailgun", new byte[4096], "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("Webhooks:SendGrid:PublicKey", "not-a-key", "Webhooks:SendGrid:PublicKey")]
    [InlineData("Webhooks:Mailgun:Tolerance", "00:00:00", "Webhooks:Mailgun:Tolerance")]
    public void Start_WrongSetting_StartupErrorNamesIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key.Contains("Mailgun", StringComparison.Ordinal)) settings["Webhooks:Mailgun:SigningKey"] = "k";

        var error = Assert.Throws<ServerStartupException>(() => new WebhookServer(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SendGridSectionWithoutKey_StartupErrorNamesPublicKey()
    {
        var settings = new Dictionary<string, string> { ["Webhooks:SendGrid:Tolerance"] = "00:05:00" };

        var error = Assert.Throws<ServerStartupException>(() => new WebhookServer(settings));

        Assert.Contains("Webhooks:SendGrid:PublicKey is missing", error.Message, StringComparison.Ordinal);
    }
}
