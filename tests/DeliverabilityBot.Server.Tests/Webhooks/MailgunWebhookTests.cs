using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>Mailgun's v3 webhooks: HMAC-SHA256 of timestamp and token with the signing key; each token taken once.</summary>
public sealed class MailgunWebhookTests
{
    internal const string SigningKey = "key-test-0123456789abcdef";

    internal static Dictionary<string, string> Settings() => new() { ["Webhooks:Mailgun:SigningKey"] = SigningKey };

    /// <summary>The documented failure body signed for <paramref name="timestamp"/> and a new token.</summary>
    internal static byte[] Signed(string template, long timestamp, string? token = null, string key = SigningKey)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(25));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(ts + token)));
        return Encoding.UTF8.GetBytes(template.Replace("__TIMESTAMP__", ts, StringComparison.Ordinal)
            .Replace("__TOKEN__", token, StringComparison.Ordinal).Replace("__SIGNATURE__", signature, StringComparison.Ordinal));
    }

    private static HttpRequestMessage Post(byte[] body) => WebhookFixtures.Post("mailgun", body, "application/json");

    private static string Template => WebhookFixtures.Text("mailgun", "failed-temporary.json");

    [Fact]
    public async Task Post_DocumentedTemporaryFailureSigned_StoresDeferral()
    {
        await using var server = new WebhookServer(Settings());

        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(Post(Signed(Template, WebhookFixtures.Now)))).StatusCode);

        Assert.Equal(1, await server.WaitForEventsAsync(1));
        var example = Assert.Single(server.Runtime.Store.Reader.Examples(new(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.UtcNow.AddDays(1)), null, null, 10));
        Assert.Equal("421 4.7.0 Try again later", example.Reply);
        Assert.Equal("mx01.mail.icloud.example", example.RemoteHost);
    }

    [Fact]
    public async Task Post_WrongKeyOrStaleTimestamp_Refused401()
    {
        await using var server = new WebhookServer(Settings());

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Post(Signed(Template, WebhookFixtures.Now, key: "another-key")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Post(Signed(Template, WebhookFixtures.Now - 3600)))).StatusCode);
        Assert.Equal(0, await server.WaitForEventsAsync(0));
    }

    [Fact]
    public async Task Post_TokenReusedWithAnotherBody_Refused406AndStoredOnce()
    {
        await using var server = new WebhookServer(Settings());
        var now = WebhookFixtures.Now;
        var first = Signed(Template, now, token: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a697887");
        // The body is not signed: the captured signature block on a changed body is only stopped by the token cache.
        var replay = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(first).Replace("user@icloud.example", "victim@icloud.example", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(Post(first))).StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await server.Client.SendAsync(Post(replay))).StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await server.Client.SendAsync(Post(first))).StatusCode);
        Assert.Equal(1, await server.WaitForEventsAsync(1));
    }
}
