using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>Postal (RSA-SHA256 over the raw body) and Mandrill (HMAC-SHA1 of URL and sorted form fields).</summary>
public sealed class SignedBodyWebhookTests
{
    private static readonly RSA PostalKey = RSA.Create(2048);
    private const string MandrillKey = "mandrill-webhook-key-0123";
    private const string MandrillUrl = "https://bot.example.com/api/events/mandrill";

    private static WebhookServer Postal() => new(new Dictionary<string, string> { ["Webhooks:Postal:PublicKey"] = PostalKey.ExportSubjectPublicKeyInfoPem() });

    private static byte[] PostalBody(DateTimeOffset at) =>
        Encoding.UTF8.GetBytes(WebhookFixtures.Text("postal", "message-delayed.json").Replace("__TIMESTAMP__", (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static HttpRequestMessage PostalPost(byte[] body, RSA key) =>
        WebhookFixtures.Post("postal", body, "application/json", ("X-Postal-Signature-256", Convert.ToBase64String(key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));

    [Fact]
    public async Task Postal_SignedDelayedEvent_StoredOnceWithRemoteHostFromDetails()
    {
        await using var server = Postal();
        var body = PostalBody(DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(PostalPost(body, PostalKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await server.Client.SendAsync(PostalPost(body, PostalKey))).StatusCode);

        Assert.Equal(1, await server.WaitForEventsAsync(1));
        var example = Assert.Single(server.Runtime.Store.Reader.Examples(new(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.UtcNow.AddDays(1)), null, null, 10));
        Assert.Equal("mx01.mail.icloud.example", example.RemoteHost);
    }

    [Fact]
    public async Task Postal_ForgedOrStale_Refused401()
    {
        await using var server = Postal();

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(PostalPost(PostalBody(DateTimeOffset.UtcNow), RSA.Create(2048)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(PostalPost(PostalBody(DateTimeOffset.UtcNow.AddHours(-3)), PostalKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(WebhookFixtures.Post("postal", PostalBody(DateTimeOffset.UtcNow), "application/json"))).StatusCode);
    }

    private static WebhookServer Mandrill() => new(new Dictionary<string, string> { ["Webhooks:Mandrill:WebhookKey"] = MandrillKey, ["Webhooks:Mandrill:Url"] = MandrillUrl });

    private static HttpRequestMessage MandrillPost(DateTimeOffset at, string key = MandrillKey, string url = MandrillUrl)
    {
        var events = WebhookFixtures.Text("mandrill", "events.json").Replace("__TS__", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(url + "mandrill_events" + events)));
        var body = Encoding.UTF8.GetBytes("mandrill_events=" + Uri.EscapeDataString(events));
        return WebhookFixtures.Post("mandrill", body, "application/x-www-form-urlencoded", ("X-Mandrill-Signature", signature));
    }

    [Fact]
    public async Task Mandrill_SignedBatch_StoresDeferralAndBounceOnce()
    {
        await using var server = Mandrill();
        var at = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(MandrillPost(at))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await server.Client.SendAsync(MandrillPost(at))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/events/mandrill"))).StatusCode);

        Assert.Equal(2, await server.WaitForEventsAsync(2));
    }

    [Fact]
    public async Task Mandrill_WrongKeyOtherUrlOrStale_Refused401()
    {
        await using var server = Mandrill();

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(MandrillPost(DateTimeOffset.UtcNow, key: "another-key"))).StatusCode);
        // Signed for the URL as seen behind a proxy (http): not the configured one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(MandrillPost(DateTimeOffset.UtcNow, url: "http://bot.example.com/api/events/mandrill"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(MandrillPost(DateTimeOffset.UtcNow.AddDays(-3)))).StatusCode);
        Assert.Equal(0, await server.WaitForEventsAsync(0));
    }
}
