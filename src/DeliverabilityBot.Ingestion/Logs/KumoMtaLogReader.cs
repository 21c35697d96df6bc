using System.Globalization;
using System.Text.Json;
using DeliverabilityBot.Core.Events;
using DeliverabilityBot.Core.Smtp;
using DeliverabilityBot.Ingestion.Evidence;

namespace DeliverabilityBot.Ingestion.Logs;

/// <summary>
/// KumoMTA's JSON log records, one per line (https://docs.kumomta.com/reference/log_record/): <c>Delivery</c>,
/// <c>TransientFailure</c>, <c>Bounce</c>, <c>Expiration</c>, <c>AdminBounce</c> and <c>OOB</c> become attempts with the
/// peer's reply (<c>response</c>: code, enhanced code, content, command), the MX host and address (<c>peer_address</c>),
/// our address (<c>source_address</c>), the egress pool as stream, the spool id as message id and the pool, source, queue,
/// site and KumoMTA's own <c>bounce_classification</c> as hints. Reception, Rejection (inbound), Delay and Feedback
/// records are recognised and skipped. A record with several recipients gives one attempt per recipient.
/// </summary>
public sealed class KumoMtaLogReader : ILogLineReader
{
    /// <inheritdoc />
    public string Format => "kumomta";

    /// <inheritdoc />
    public bool TryRead(string line, LogContext context, List<BounceEvent> events)
    {
        var span = line.AsSpan().TrimStart();
        if (span.Length == 0 || span[0] != '{' || !line.Contains("\"type\"", StringComparison.Ordinal)) return false;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line); }
        catch (JsonException) { return false; }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") is not { } type || !root.TryGetProperty("id", out _)) return false;
            DeliveryAction action;
            var expired = false;
            switch (type)
            {
                case "Delivery": action = DeliveryAction.Delivered; break;
                case "TransientFailure": action = DeliveryAction.Delayed; break;
                case "Bounce" or "AdminBounce" or "OOB": action = DeliveryAction.Failed; break;
                case "Expiration": action = DeliveryAction.Failed; expired = true; break;
                case "Reception" or "Rejection" or "Delay" or "Feedback": return true;
                default: return false;
            }
            var (reply, stage) = ReplyOf(root);
            var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["record"] = type };
            foreach (var name in (string[])["egress_pool", "egress_source", "queue", "site", "bounce_classification"])
                if (Text(root, name) is { Length: > 0 } value) hints[name] = value;
            var peer = root.TryGetProperty("peer_address", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var attempt = new LogAttempt
            {
                Sender = Text(root, "sender"),
                Action = action,
                Reply = reply,
                Stage = stage,
                Expired = expired,
                Timestamp = TimeOf(root),
                RemoteHost = peer.ValueKind == JsonValueKind.Object ? Text(peer, "name") : null,
                RemoteIp = peer.ValueKind == JsonValueKind.Object ? Text(peer, "addr") : null,
                SendingIp = SourceIp(root),
                Stream = Text(root, "egress_pool"),
                MessageId = Text(root, "id"),
                HeaderMessageId = HeaderMessageId(root),
                Hints = hints,
            };
            foreach (var recipient in Recipients(root))
                events.Add(LogEventBuilder.Build(context, Format, attempt with { Recipient = recipient }));
            return true;
        }
    }

    // "recipient" is one address, or a list of them in records that cover several.
    private static IEnumerable<string?> Recipients(JsonElement root)
    {
        if (!root.TryGetProperty("recipient", out var r)) return [null];
        if (r.ValueKind == JsonValueKind.Array) return [.. r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())];
        return [r.ValueKind == JsonValueKind.String ? r.GetString() : null];
    }

    private static (SmtpReply Reply, SmtpStage Stage) ReplyOf(JsonElement root)
    {
        if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object) return (SmtpReply.Empty, SmtpStage.Unknown);
        var code = response.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : (int?)null;
        var content = Text(response, "content") ?? "";
        string? status = null;
        if (response.TryGetProperty("enhanced_code", out var ec) && ec.ValueKind == JsonValueKind.Object
            && ec.TryGetProperty("class", out var cl) && ec.TryGetProperty("subject", out var su) && ec.TryGetProperty("detail", out var de))
            status = string.Create(CultureInfo.InvariantCulture, $"{cl.GetInt32()}.{su.GetInt32()}.{de.GetInt32()}");
        // The reply as the peer sent it: "421 4.7.0 content"; KumoMTA's own failures (code 0 or none) are the content alone.
        var raw = string.Join(' ', new[] { code is > 0 ? code.Value.ToString(CultureInfo.InvariantCulture) : null, status, content }.Where(x => !string.IsNullOrEmpty(x)));
        var command = Text(response, "command");
        var stage = command is { Length: > 0 } ? StageDetector.FromCommand(command) : StageDetector.Detect(content);
        return (SmtpReply.Parse(raw), stage);
    }

    // Unix seconds (the documented form), or an RFC 3339 string.
    private static DateTimeOffset? TimeOf(JsonElement root)
    {
        if (!root.TryGetProperty("timestamp", out var t)) return null;
        if (t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var seconds)) return DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (t.ValueKind == JsonValueKind.Number && t.TryGetDouble(out var fractional)) return DateTimeOffset.FromUnixTimeMilliseconds((long)(fractional * 1000));
        return t.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }

    // "source_address": {"address": "10.0.0.1:53210"} or "[2001:db8::1]:25": the address without its port.
    private static string? SourceIp(JsonElement root)
    {
        if (!root.TryGetProperty("source_address", out var s) || s.ValueKind != JsonValueKind.Object || Text(s, "address") is not { Length: > 0 } address) return null;
        if (address.StartsWith('[')) return address[1..Math.Max(1, address.IndexOf(']'))];
        var colon = address.LastIndexOf(':');
        return colon > 0 && address.IndexOf(':') == colon ? address[..colon] : address;
    }

    // The Message-ID header, when the logger is configured to log it.
    private static string? HeaderMessageId(JsonElement root)
    {
        if (!root.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Object) return null;
        foreach (var h in headers.EnumerateObject())
            if (h.Name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase) && h.Value.ValueKind == JsonValueKind.String) return h.Value.GetString();
        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
