using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeliverabilityBot.Server.Channels.Teams;

/// <summary>JSON settings for the Bot Framework wire format.</summary>
public static class TeamsJson
{
    /// <summary>Case-insensitive on read (spec A2002), camelCase and no nulls on write.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
