using System.Text.Json;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Tests.Formats;

/// <summary>
/// SES notifications sent by email are read by the SES webhook's reader and built by the ESP event builder: the same
/// fields as a webhook delivery, with the file as source, <c>amazonses</c> as format.
/// </summary>
public sealed class AmazonSesJsonReaderTests
{
    private static string Notification(string name) => File.ReadAllText(TestPaths.InRepo("tests", "fixtures", "esp", "ses", name));

    // An SNS email subscription: the notification as the body, or inside the SNS envelope's Message.
    private static string Email(string json) =>
        "From: AWS Notifications <no-reply@sns.amazonaws.com>\nTo: bounces@example.com\nSubject: AWS Notification Message\n" +
        "Content-Type: text/plain; charset=UTF-8\n\n" + json + "\n\n--\nIf you wish to stop receiving notifications from this topic, please click the link below.\n";

    private static string Envelope(string message) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Type"] = "Notification",
        ["MessageId"] = "6f1b4c3a-0000-5000-8000-000000000001",
        ["TopicArn"] = "arn:aws:sns:us-east-1:123456789012:ses-events",
        ["Message"] = message,
    }, new JsonSerializerOptions { WriteIndented = true });

    [Fact]
    public void Parse_BounceNotificationByEmail_BuiltAsTheWebhookBuildsIt()
    {
        var e = Assert.Single(TextEvidenceParser.Parse(Email(Notification("bounce.json")), null, "ses-bounce.eml"));

        Assert.Equal("ses-bounce.eml", e.Source);
        Assert.Equal("amazonses", e.SourceFormat);
        Assert.Equal(EvidenceKind.Reply, e.Kind);
        Assert.Equal("user@icloud.example", e.Recipient);
        Assert.Equal(DeliveryAction.Failed, e.Action);
        Assert.Equal(550, e.Reply.Code);
        Assert.Equal("5.1.1", e.Reply.Status?.ToString());
        Assert.Equal("a1-2.smtp-out.us-east-1.example.com", e.ReportingMta);
        Assert.Equal("192.0.2.25", e.RemoteIp);
        Assert.Equal("news@example.com", e.Sender);
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T10:00:05Z", System.Globalization.CultureInfo.InvariantCulture), e.Timestamp);
        Assert.Equal("Permanent/General", e.Hints["esp_class"]);
    }

    [Fact]
    public void Parse_DeliveryDelayInsideSnsEnvelope_ReadAsDeferralWithItsStream()
    {
        var e = Assert.Single(TextEvidenceParser.Parse(Email(Envelope(Notification("delivery-delay.json"))), null, "ses-delay.eml"));

        Assert.Equal(DeliveryAction.Delayed, e.Action);
        Assert.Equal(421, e.Reply.Code);
        Assert.Equal("user@icloud.example", e.Recipient);
        Assert.Equal("192.0.2.10", e.SendingIp);
        Assert.Equal("marketing", e.Stream);
        Assert.Equal("a1-2.smtp-out.us-east-1.example.com", e.ReportingMta);
        Assert.Equal("TransientCommunicationFailure", e.Hints["esp_class"]);
    }

    [Fact]
    public void Parse_JsonThatIsNotSes_NoSesEvents()
    {
        var events = TextEvidenceParser.Parse(Email("""{"notificationType": 5, "note": "not a notification"}"""), null, "other.eml");

        Assert.DoesNotContain(events, e => e.SourceFormat == "amazonses");
    }
}
