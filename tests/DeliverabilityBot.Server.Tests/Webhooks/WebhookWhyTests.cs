using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>Webhook events answer <c>why</c>: SendGrid and Mailgun bounces for iCloud recipients, then the chat.</summary>
public sealed class WebhookWhyTests
{
    private const string Cs01 = "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137";

    [Fact]
    public async Task Why_SendGridAndMailgunBouncesForICloud_AnswersWithTheirFigures()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var settings = SendGridWebhookTests.Settings(key);
        foreach (var (k, v) in MailgunWebhookTests.Settings()) settings[k] = v;
        await using var server = new WebhookServer(settings);
        var now = DateTimeOffset.UtcNow;

        // SendGrid: 24 bounces and 16 deliveries to icloud.com in one batch.
        var batch = new StringBuilder("[");
        for (var i = 0; i < 40; i++)
        {
            var bounced = i < 24;
            batch.Append(i == 0 ? "" : ",\r\n").Append(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["email"] = $"sg{i}@icloud.com",
                ["timestamp"] = now.AddMinutes(-90 + i).ToUnixTimeSeconds(),
                ["event"] = bounced ? "bounce" : "delivered",
                ["type"] = "blocked",
                ["sg_event_id"] = $"sg-event-{i}",
                ["sg_message_id"] = $"sg-message-{i}.filter0001",
                ["smtp-id"] = $"<sg{i}@example.com>",
                [bounced ? "reason" : "response"] = bounced ? Cs01 : "250 2.0.0 Ok: queued",
                ["ip"] = "192.0.2.10",
                ["category"] = "newsletter",
            }));
        }
        var body = Encoding.UTF8.GetBytes(batch.Append("]\r\n").ToString());
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(SendGridWebhookTests.Signed(key, body, now.ToUnixTimeSeconds()))).StatusCode);

        // Mailgun: 10 permanent failures, one request each.
        var template = WebhookFixtures.Text("mailgun", "failed-temporary.json");
        for (var i = 0; i < 10; i++)
        {
            var json = template.Replace("\"temporary\"", "\"permanent\"", StringComparison.Ordinal)
                .Replace("421 4.7.0 Try again later", Cs01, StringComparison.Ordinal)
                .Replace("\"4.7.0\"", "\"5.7.1\"", StringComparison.Ordinal).Replace("421,", "550,", StringComparison.Ordinal)
                .Replace("user@icloud.example", $"mg{i}@icloud.com", StringComparison.Ordinal)
                .Replace("1714557605.382011", now.AddMinutes(-30 + i).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("20240501100000.1a2b3c@mg.example.com", $"mg{i}@mg.example.com", StringComparison.Ordinal);
            var signed = MailgunWebhookTests.Signed(json, now.ToUnixTimeSeconds());
            Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(WebhookFixtures.Post("mailgun", signed, "application/json"))).StatusCode);
        }
        Assert.Equal(50, await server.WaitForEventsAsync(50));

        var response = await server.Client.PostAsJsonAsync("/api/chat", new { conversationId = "webhooks", text = "why is icloud bouncing us?" });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("why", answer.GetProperty("intent").GetString());
        var headline = answer.GetProperty("answer").GetProperty("headline").GetString()!;
        // 34 of the 50 messages bounced: 24 from SendGrid, 10 from Mailgun.
        Assert.Contains("34 of 50 messages", headline, StringComparison.Ordinal);
        var text = answer.GetProperty("text").GetString()!;
        Assert.Contains("CS01", text, StringComparison.Ordinal);
    }
}
