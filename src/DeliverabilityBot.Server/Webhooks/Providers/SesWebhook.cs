using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DeliverabilityBot.Ingestion.Esp;

namespace DeliverabilityBot.Server.Webhooks.Providers;

/// <summary>
/// Amazon SES through an SNS HTTPS subscription (sns-verify-signature-of-message.html): the body (sent as
/// <c>text/plain</c>) is the SNS envelope; its signature (<c>SignatureVersion</c> 1: SHA1withRSA, 2: SHA256withRSA)
/// covers <c>Name\nValue\n</c> of the documented fields in order and is checked with the certificate at
/// <c>SigningCertURL</c>, fetched only when <see cref="SnsHostPolicy"/> accepts the URL for the topic's region. Only
/// topics listed in <see cref="SesWebhookOptions.TopicArns"/> are taken; a <c>Timestamp</c> older than the tolerance
/// is refused, and a <c>MessageId</c> taken twice is a replay. A <c>SubscriptionConfirmation</c> is confirmed
/// (its <c>SubscribeURL</c> fetched) only when configured to; raw message delivery (unsigned) is refused.
/// </summary>
public sealed class SesWebhook : IWebhookProvider
{
    /// <summary>The configuration section under <c>Webhooks</c>.</summary>
    public const string Section = "Ses";

    private static readonly string[] NotificationFields = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
    private static readonly string[] SubscriptionFields = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
    private readonly SesWebhookOptions _options;
    private readonly HashSet<string> _topics;
    private readonly SnsHostPolicy _hosts;
    private readonly SnsCertificates _certificates;
    private readonly IHttpClientFactory _clients;
    private readonly ILogger _log;

    /// <summary>Checks the options (<see cref="Validate"/>).</summary>
    public SesWebhook(SesWebhookOptions options, SnsHostPolicy hosts, SnsCertificates certificates, IHttpClientFactory clients, ILogger<SesWebhook> log)
    {
        Validate(options);
        _options = options;
        _topics = new HashSet<string>(options.TopicArns.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.Ordinal);
        _hosts = hosts;
        _certificates = certificates;
        _clients = clients;
        _log = log;
    }

    /// <summary>A wrong setting is a startup error naming it.</summary>
    public static void Validate(SesWebhookOptions options)
    {
        WebhookChecks.Tolerance(options.Tolerance, Section);
        var topics = options.TopicArns.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (topics.Count == 0) throw WebhookSettings.Wrong(Section, "TopicArns:0", "is missing: list the SNS topic ARNs whose notifications are taken (anyone can point a topic at this URL)");
        foreach (var t in topics.Where(t => RegionOf(t.Trim()) is null))
            throw WebhookSettings.Wrong(Section, "TopicArns", $"holds '{t}', which is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
        if (options.FetchTimeout <= TimeSpan.Zero) throw WebhookSettings.Wrong(Section, "FetchTimeout", "must be a positive duration such as 00:00:05");
    }

    /// <inheritdoc />
    public string Name => SesEvents.Provider;

    /// <inheritdoc />
    public async Task<WebhookVerdict> CheckAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (string.Equals(request.Header("x-amz-sns-rawdelivery"), "true", StringComparison.OrdinalIgnoreCase))
            return WebhookVerdict.Refuse(400, "raw message delivery is on: SNS then sends no envelope and no signature; turn it off for this subscription");
        Dictionary<string, string> fields;
        try { fields = Fields(request.Body); }
        catch (JsonException) { return WebhookVerdict.Refuse(400, "body is not an SNS JSON envelope"); }
        var type = fields.GetValueOrDefault("Type");
        var topic = fields.GetValueOrDefault("TopicArn");
        if (request.Header("x-amz-sns-message-type") is { } headerType && headerType != type) return WebhookVerdict.Refuse(400, "x-amz-sns-message-type differs from the body's Type");
        if (topic is null || !_topics.Contains(topic)) return WebhookVerdict.Refuse(403, $"topic {topic} is not in {WebhookSettings.Key(Section, "TopicArns")}");
        var names = type switch
        {
            "Notification" => NotificationFields,
            "SubscriptionConfirmation" or "UnsubscribeConfirmation" => SubscriptionFields,
            _ => null,
        };
        if (names is null) return WebhookVerdict.Refuse(400, $"unknown SNS message type {type}");
        var hash = fields.GetValueOrDefault("SignatureVersion") switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is null) return WebhookVerdict.Refuse(401, "SignatureVersion is neither 1 nor 2");
        var region = RegionOf(topic);
        if (!Uri.TryCreate(fields.GetValueOrDefault("SigningCertURL"), UriKind.Absolute, out var certUrl) || !_hosts.IsCertificateUrl(certUrl, region))
            return WebhookVerdict.Refuse(401, $"SigningCertURL {fields.GetValueOrDefault("SigningCertURL")} is not an SNS certificate URL of region {region}");
        if (!DateTimeOffset.TryParse(fields.GetValueOrDefault("Timestamp"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var signedAt))
            return WebhookVerdict.Refuse(401, "Timestamp missing or malformed");
        if (!WebhookChecks.IsFresh(signedAt, request.Now, _options.Tolerance)) return WebhookVerdict.Refuse(401, $"stale Timestamp {signedAt:O}");
        byte[] signature;
        try { signature = Convert.FromBase64String(fields.GetValueOrDefault("Signature") ?? ""); }
        catch (FormatException) { return WebhookVerdict.Refuse(401, "Signature is not base64"); }
        try
        {
            // Cached and shared: not disposed here.
            var certificate = await _certificates.GetAsync(certUrl, _options.FetchTimeout, cancellationToken);
            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is null || !rsa.VerifyData(Encoding.UTF8.GetBytes(StringToSign(fields, names)), signature, hash.Value, RSASignaturePadding.Pkcs1))
                return WebhookVerdict.Refuse(401, "signature does not match");
        }
        catch (Exception ex) when (ex is HttpRequestException or CryptographicException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Not the sender's fault as far as we know: 5xx lets SNS retry.
            _log.LogWarning(ex, "SNS signing certificate {Url} could not be fetched", certUrl);
            return WebhookVerdict.Refuse(502, $"signing certificate {certUrl} unavailable: {ex.Message}");
        }
        var messageId = fields.GetValueOrDefault("MessageId") ?? "";
        var replay = "ses:sns:" + messageId;
        return type switch
        {
            "Notification" => Notification(fields, messageId, replay),
            "SubscriptionConfirmation" => await ConfirmAsync(fields, topic, region, replay, cancellationToken),
            _ => Unsubscribed(topic, replay),
        };
    }

    private static WebhookVerdict Notification(Dictionary<string, string> fields, string messageId, string replay)
    {
        try { return WebhookVerdict.Accept(SesEvents.Read(fields.GetValueOrDefault("Message") ?? "", messageId), replay); }
        catch (EspPayloadException ex) { return WebhookVerdict.Refuse(400, ex.Message); }
    }

    private async Task<WebhookVerdict> ConfirmAsync(Dictionary<string, string> fields, string topic, string? region, string replay, CancellationToken cancellationToken)
    {
        var subscribe = fields.GetValueOrDefault("SubscribeURL");
        if (!_options.ConfirmSubscriptions)
        {
            _log.LogWarning("SNS subscription to {Topic} not confirmed ({Setting} is off): confirm it in the SNS console or open {Url}",
                topic, WebhookSettings.Key(Section, "ConfirmSubscriptions"), subscribe);
            return WebhookVerdict.Answer("subscription not confirmed: confirmation is off", replay);
        }
        if (!Uri.TryCreate(subscribe, UriKind.Absolute, out var url) || !_hosts.IsSubscribeUrl(url, region))
            return WebhookVerdict.Refuse(400, $"SubscribeURL {subscribe} is not an SNS URL of region {region}");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(_options.FetchTimeout);
        try
        {
            using var response = await _clients.CreateClient(SnsCertificates.ClientName).GetAsync(url, cts.Token);
            if (!response.IsSuccessStatusCode) return WebhookVerdict.Refuse(502, $"SubscribeURL answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return WebhookVerdict.Refuse(502, $"SubscribeURL could not be fetched: {ex.Message}");
        }
        _log.LogInformation("SNS subscription to {Topic} confirmed", topic);
        return WebhookVerdict.Answer("subscription confirmed", replay);
    }

    private WebhookVerdict Unsubscribed(string topic, string replay)
    {
        _log.LogWarning("SNS says this endpoint was unsubscribed from {Topic}", topic);
        return WebhookVerdict.Answer("unsubscribe noted", replay);
    }

    // The envelope's string values, JSON-unescaped (the string to sign uses them so).
    private static Dictionary<string, string> Fields(byte[] body)
    {
        using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.String) fields[p.Name] = p.Value.GetString()!;
        return fields;
    }

    /// <summary>The documented string to sign: each present field of <paramref name="names"/> as <c>Name\nValue\n</c>, in order.</summary>
    public static string StringToSign(IReadOnlyDictionary<string, string> fields, IEnumerable<string> names)
    {
        var text = new StringBuilder();
        foreach (var name in names)
            if (fields.TryGetValue(name, out var value)) text.Append(name).Append('\n').Append(value).Append('\n');
        return text.ToString();
    }

    /// <summary>The fields a message of <paramref name="type"/> signs, in order.</summary>
    public static IReadOnlyList<string> SignedFields(string type) => type == "Notification" ? NotificationFields : SubscriptionFields;

    // arn:aws:sns:REGION:ACCOUNT:NAME (aws-cn and aws-us-gov partitions too).
    private static string? RegionOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "sns" && parts[3].Length > 0 && parts[4].Length > 0 && parts[5].Length > 0 ? parts[3] : null;
    }
}
