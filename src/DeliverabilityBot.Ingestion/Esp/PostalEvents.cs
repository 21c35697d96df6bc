using System.Text.Json;
using System.Text.RegularExpressions;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// Postal webhooks (one event per request: <c>event</c>, <c>timestamp</c>, <c>uuid</c>, <c>payload</c>;
/// docs.postalserver.io/developer/webhooks): <c>MessageSent</c> (delivered), <c>MessageDelayed</c> (deferred, one per
/// attempt), <c>MessageDeliveryFailed</c> and <c>MessageBounced</c> (bounced), <c>MessageHeld</c> (dropped). The reply
/// is <c>output</c>; the remote IP and MX host are read from <c>details</c> ("... sending to 192.0.2.25:25
/// (mx01.example)"), Postal's only place for them. The event id is <c>uuid</c>, stable across Postal's retries.
/// </summary>
public static partial class PostalEvents
{
    /// <summary>The provider's name.</summary>
    public const string Provider = "postal";

    /// <summary>The attempts in one event.</summary>
    /// <exception cref="EspPayloadException">The body is not a JSON object.</exception>
    public static IReadOnlyList<EspAttempt> Read(ReadOnlyMemory<byte> body)
    {
        using var doc = EspJson.Parse(body, Provider);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new EspPayloadException($"{Provider}: the body is not a JSON object");
        var name = EspJson.Text(root, "event");
        EspStatus? status = name switch
        {
            "MessageSent" => EspStatus.Delivered,
            "MessageDelayed" => EspStatus.Deferred,
            "MessageDeliveryFailed" or "MessageBounced" => EspStatus.Bounced,
            "MessageHeld" => EspStatus.Dropped,
            _ => null,
        };
        if (status is null) return [];
        var payload = EspJson.Object(root, "payload");
        // A bounce names the message it bounces as original_message.
        var message = EspJson.Object(payload, name == "MessageBounced" ? "original_message" : "message");
        var details = EspJson.Text(payload, "details");
        var target = details is null ? null : Target().Match(details);
        var tag = EspJson.Text(message, "tag");
        return
        [
            new EspAttempt
            {
                EventId = EspJson.Text(root, "uuid") ?? EspKeys.Of(name, EspJson.Text(root, "timestamp"), EspJson.Text(message, "id")),
                EventName = name!,
                Status = status.Value,
                Recipient = EspJson.Text(message, "to"),
                Sender = EspJson.Text(message, "from"),
                Reply = EspJson.Text(payload, "output") is { Length: > 0 } output ? output : details,
                Timestamp = EspJson.UnixTime(payload, "timestamp") ?? EspJson.UnixTime(root, "timestamp"),
                RemoteIp = target is { Success: true } ? target.Groups["ip"].Value : null,
                RemoteHost = target is { Success: true } && target.Groups["host"].Success ? target.Groups["host"].Value : null,
                Tags = tag is { Length: > 0 } ? [tag] : [],
                MessageId = EspJson.Text(message, "id"),
                HeaderMessageId = EspJson.Text(message, "message_id"),
                ProviderClass = EspJson.Text(payload, "status"),
            },
        ];
    }

    [GeneratedRegex(@"sending to (?<ip>[0-9a-fA-F.:]+?)(?::\d+)? \((?<host>[^)\s]+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Target();
}
