using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>SendGrid's Signed Event Webhook: ECDSA over the timestamp header and the raw body.</summary>
public sealed class SendGridWebhookTests
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    internal static Dictionary<string, string> Settings(ECDsa key) => new()
    {
        ["Webhooks:SendGrid:PublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
    };

    internal static HttpRequestMessage Signed(ECDsa key, byte[] body, long timestamp)
    {
        var ts = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = key.SignData([.. Encoding.UTF8.GetBytes(ts), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return WebhookFixtures.Post("sendgrid", body, "application/json",
            ("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature)),
            ("X-Twilio-Email-Event-Webhook-Timestamp", ts));
    }

    [Fact]
    public async Task Post_DocumentedBatchSigned_StoresDeferralAndBounceOnce()
    {
        await using var server = new WebhookServer(Settings(Key));
        var body = WebhookFixtures.Bytes("sendgrid", "batch.json");

        var response = await server.Client.SendAsync(Signed(Key, body, WebhookFixtures.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await server.WaitForEventsAsync(2)); // the open is not an attempt
        var examples = server.Runtime.Store.Reader.Examples(new(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.UtcNow.AddDays(1)), null, null, 10);
        Assert.Contains(examples, e => e.Recipient == "other@icloud.example" && e.Reply.StartsWith("550 5.1.1", StringComparison.Ordinal) && e.SendingIp == "192.0.2.10");
    }

    [Fact]
    public async Task Post_BodyChangedAfterSigning_Refused401()
    {
        await using var server = new WebhookServer(Settings(Key));
        var body = WebhookFixtures.Bytes("sendgrid", "batch.json");
        var request = Signed(Key, body, WebhookFixtures.Now);
        var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("421 4.7.0", "250 2.0.0", StringComparison.Ordinal));
        var tampered = WebhookFixtures.Post("sendgrid", forged, "application/json", [.. request.Headers.Select(h => (h.Key, h.Value.First()))]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Signed(ECDsa.Create(ECCurve.NamedCurves.nistP256), body, WebhookFixtures.Now))).StatusCode);
        Assert.Equal(0, await server.WaitForEventsAsync(0));
    }

    [Fact]
    public async Task Post_TimestampOlderThanTolerance_Refused401()
    {
        await using var server = new WebhookServer(Settings(Key));

        var response = await server.Client.SendAsync(Signed(Key, WebhookFixtures.Bytes("sendgrid", "batch.json"), WebhookFixtures.Now - 3600));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SameSignedRequestTwice_ReplayRefused409AndStoredOnce()
    {
        await using var server = new WebhookServer(Settings(Key));
        var body = WebhookFixtures.Bytes("sendgrid", "batch.json");
        var first = Signed(Key, body, WebhookFixtures.Now);
        var again = WebhookFixtures.Post("sendgrid", body, "application/json", [.. first.Headers.Select(h => (h.Key, h.Value.First()))]);

        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await server.Client.SendAsync(again)).StatusCode);
        // SendGrid re-sending the same events in a new, freshly signed batch: acknowledged (so it stops), stored once.
        var resent = await server.Client.SendAsync(Signed(Key, body, WebhookFixtures.Now + 1));
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("\"duplicates\":2", await resent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await server.WaitForEventsAsync(2));
    }
}
