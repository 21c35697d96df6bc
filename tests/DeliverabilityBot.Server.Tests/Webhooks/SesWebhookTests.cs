using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DeliverabilityBot.Server.Webhooks.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeliverabilityBot.Server.Tests.Webhooks;

/// <summary>Amazon SES through SNS: certificate-verified signatures (versions 1 and 2), topic allow-list, subscription confirmation.</summary>
public sealed class SesWebhookTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:ses-events";
    private const string TestHost = "sns.us-east-1.test.invalid";
    private static readonly string CertUrl = $"https://{TestHost}/SimpleNotificationService-0000000000000000000000000000000.pem";
    private static readonly RSA Key = RSA.Create(2048);
    private static readonly X509Certificate2 Certificate = new CertificateRequest("CN=sns.amazonaws.com test", Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

    private static WebhookServer Server(FakeSns sns, bool confirm = false) => new(
        new Dictionary<string, string>
        {
            ["Webhooks:Ses:TopicArns:0"] = Topic,
            ["Webhooks:Ses:ConfirmSubscriptions"] = confirm ? "true" : "false",
        },
        services =>
        {
            // The test host stands in for sns.<region>.amazonaws.com; nothing here reaches the network.
            services.Replace(ServiceDescriptor.Singleton(new SnsHostPolicy((host, region) => host == TestHost && region == "us-east-1")));
            services.AddHttpClient(SnsCertificates.ClientName).ConfigurePrimaryHttpMessageHandler(() => sns);
        });

    internal static byte[] Envelope(string type, string message, DateTimeOffset timestamp, string version = "2", string? messageId = null, RSA? key = null, string? certUrl = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Type"] = type,
            ["MessageId"] = messageId ?? Guid.NewGuid().ToString(),
            ["TopicArn"] = Topic,
            ["Message"] = message,
            ["Timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["SignatureVersion"] = version,
            ["SigningCertURL"] = certUrl ?? CertUrl,
        };
        if (type == "SubscriptionConfirmation")
        {
            fields["Token"] = "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736";
            fields["SubscribeURL"] = $"https://{TestHost}/?Action=ConfirmSubscription&TopicArn={Topic}&Token=2336412f";
        }
        var signed = SesWebhook.StringToSign(fields, SesWebhook.SignedFields(type));
        fields["Signature"] = Convert.ToBase64String((key ?? Key).SignData(Encoding.UTF8.GetBytes(signed), version == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return JsonSerializer.SerializeToUtf8Bytes(fields);
    }

    private static HttpRequestMessage Post(byte[] envelope, string type = "Notification") =>
        WebhookFixtures.Post("ses", envelope, "text/plain; charset=UTF-8", ("x-amz-sns-message-type", type));

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Post_SignedNotificationAsTextPlain_StoresTheBounce(string version)
    {
        using var sns = new FakeSns(Certificate);
        await using var server = Server(sns);

        var response = await server.Client.SendAsync(Post(Envelope("Notification", WebhookFixtures.Text("ses", "bounce.json"), DateTimeOffset.UtcNow, version)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await server.WaitForEventsAsync(1));
        var example = Assert.Single(server.Runtime.Store.Reader.Examples(new(DateTimeOffset.FromUnixTimeSeconds(0), DateTimeOffset.UtcNow.AddDays(1)), null, null, 10));
        Assert.Contains("550 5.1.1", example.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ForgedStaleReplayedOrForeignTopic_Refused()
    {
        using var sns = new FakeSns(Certificate);
        await using var server = Server(sns);
        var message = WebhookFixtures.Text("ses", "delivery-delay.json");
        var genuine = Envelope("Notification", message, DateTimeOffset.UtcNow, messageId: "7f0c2a4e-1111-4b2c-9d3e-000000000001");

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Post(Envelope("Notification", message, DateTimeOffset.UtcNow, key: RSA.Create(2048))))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Post(Envelope("Notification", message, DateTimeOffset.UtcNow.AddHours(-2))))).StatusCode);
        var foreign = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Envelope("Notification", message, DateTimeOffset.UtcNow)).Replace("123456789012:ses-events", "999999999999:ses-events", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.SendAsync(Post(foreign))).StatusCode);
        // A certificate URL off the trusted host is never fetched.
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(Post(Envelope("Notification", message, DateTimeOffset.UtcNow, certUrl: "https://attacker.s3.amazonaws.com/SimpleNotificationService-x.pem")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(Post(genuine))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await server.Client.SendAsync(Post(genuine))).StatusCode);

        Assert.Equal(1, await server.WaitForEventsAsync(1));
        Assert.DoesNotContain(sns.Requested, u => u.Host != TestHost);
    }

    [Fact]
    public async Task Post_SubscriptionConfirmation_ConfirmedOnlyWhenConfigured()
    {
        using var off = new FakeSns(Certificate);
        await using (var server = Server(off))
        {
            var response = await server.Client.SendAsync(Post(Envelope("SubscriptionConfirmation", "You have chosen to subscribe to the topic.", DateTimeOffset.UtcNow), "SubscriptionConfirmation"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(off.Requested, u => u.Query.Contains("ConfirmSubscription", StringComparison.Ordinal));
        }

        using var on = new FakeSns(Certificate);
        await using (var server = Server(on, confirm: true))
        {
            var response = await server.Client.SendAsync(Post(Envelope("SubscriptionConfirmation", "You have chosen to subscribe to the topic.", DateTimeOffset.UtcNow), "SubscriptionConfirmation"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(on.Requested, u => u.Query.Contains("Action=ConfirmSubscription", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc123.pem", true)]
    [InlineData("https://sns.us-east-1.amazonaws.com.cn/SimpleNotificationService-abc123.pem", true)]
    [InlineData("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc123.pem", false)] // another region than the topic's
    [InlineData("http://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc123.pem", false)]
    [InlineData("https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-abc123.pem", false)]
    [InlineData("https://sns-us-east-1.s3.amazonaws.com/SimpleNotificationService-abc123.pem", false)]
    [InlineData("https://s3.amazonaws.com/sns.us-east-1.amazonaws.com/SimpleNotificationService-abc123.pem", false)]
    [InlineData("https://sns.us-east-1.amazonaws.com/attacker/SimpleNotificationService-abc123.pem", false)]
    [InlineData("https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-abc123.pem", false)]
    [InlineData("https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-abc123.pem", false)]
    public void IsCertificateUrl_DocumentedPolicy_AcceptsOnlySnsHostsOfTheTopicRegion(string url, bool expected)
    {
        Assert.Equal(expected, new SnsHostPolicy().IsCertificateUrl(new Uri(url), "us-east-1"));
    }

    /// <summary>Serves the test certificate and answers subscription confirmations; records what was asked.</summary>
    internal sealed class FakeSns(X509Certificate2 certificate) : HttpMessageHandler
    {
        public List<Uri> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requested) Requested.Add(request.RequestUri!);
            var body = request.RequestUri!.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal) ? certificate.ExportCertificatePem() : "<ConfirmSubscriptionResponse/>";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        }
    }
}
