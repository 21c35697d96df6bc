using System.Globalization;
using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>Lenient reads of webhook JSON: providers send numbers as strings and strings as numbers, one value or a list.</summary>
internal static class EspJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <summary>Parses <paramref name="json"/>, or throws <see cref="EspPayloadException"/> naming <paramref name="provider"/>.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, string provider)
    {
        try { return JsonDocument.Parse(json, Options); }
        catch (JsonException ex) { throw new EspPayloadException($"{provider}: the body is not JSON ({ex.Message})", ex); }
    }

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, string)"/>
    public static JsonDocument Parse(string json, string provider)
    {
        try { return JsonDocument.Parse(json, Options); }
        catch (JsonException ex) { throw new EspPayloadException($"{provider}: the body is not JSON ({ex.Message})", ex); }
    }

    /// <summary>The property as text: a string as is, a number or boolean as written; null when absent or null.</summary>
    public static string? Text(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
    }

    /// <summary>The property's object, or default.</summary>
    public static JsonElement Object(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    /// <summary>A string or a list of strings (SendGrid's <c>category</c>, Mailgun's <c>tags</c>).</summary>
    public static IReadOnlyList<string> Strings(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return [];
        if (v.ValueKind == JsonValueKind.String) return v.GetString() is { Length: > 0 } s ? [s] : [];
        if (v.ValueKind != JsonValueKind.Array) return [];
        return [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).Where(x => x.Length > 0)];
    }

    /// <summary>Unix seconds (integer or fractional, number or string); a value past year 5000 is taken as milliseconds.</summary>
    public static DateTimeOffset? UnixTime(JsonElement e, string name)
    {
        if (Text(e, name) is not { Length: > 0 } text || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        if (value > 95_617_584_000) value /= 1000; // milliseconds (Brevo's ts_epoch)
        if (value is < 0 or > 253_402_300_799) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value * 1000));
    }

    /// <summary>An ISO 8601 time, as UTC.</summary>
    public static DateTimeOffset? IsoTime(JsonElement e, string name) =>
        Text(e, name) is { Length: > 0 } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUniversalTime()
            : null;

    /// <summary>The objects of an array body, or the body itself when it is one object (batched and unbatched shapes).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement root, string provider) => root.ValueKind switch
    {
        JsonValueKind.Array => root.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object),
        JsonValueKind.Object => [root],
        _ => throw new EspPayloadException($"{provider}: the body is neither a JSON object nor an array"),
    };
}
