using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeliverabilityBot.Ingestion.Esp;

/// <summary>
/// An <see cref="EspAttempt"/> as text and back, for the webhook spool (what a provider said is kept as it was parsed
/// until it is stored): camel-case properties, the status by name, absent values left out.
/// </summary>
public static class EspAttemptJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<EspStatus>() },
    };

    /// <summary>The attempt as JSON.</summary>
    public static string Write(EspAttempt attempt) => JsonSerializer.Serialize(attempt, Options);

    /// <summary>The attempt <paramref name="json"/> holds.</summary>
    /// <exception cref="EspPayloadException">Not an attempt written by <see cref="Write"/> (names what is wrong).</exception>
    public static EspAttempt Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<EspAttempt>(json, Options) ?? throw new EspPayloadException("a spooled ESP event is null");
        }
        catch (JsonException ex)
        {
            throw new EspPayloadException($"a spooled ESP event cannot be read: {ex.Message}");
        }
    }
}
