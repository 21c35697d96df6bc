using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeliverabilityBot.Core.Alerts;

namespace DeliverabilityBot.Application.Alerts;

/// <summary>
/// The JSON contract of <c>dbot alerts --json</c> and <c>dbot watch --json</c>: incidents as camelCase objects (<c>id,
/// key, receiver, scope, diagnosisId, state, title, category, severity, openedAt, lastSeenAt, resolvedAt, current,
/// peak, totals, baselineRate, sendingIps, streams, rules, actions, mtaChanges, acknowledged, mutedUntil</c>) plus
/// <c>durationMinutes</c>; times ISO 8601.
/// </summary>
public static class IncidentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>One incident as a JSON object, with its duration.</summary>
    public static JsonElement ToElement(Incident incident)
    {
        var node = JsonSerializer.SerializeToNode(incident, Options)!.AsObject();
        node.Remove("quietSince");
        node["durationMinutes"] = Math.Round(incident.Duration().TotalMinutes, 1);
        return JsonSerializer.SerializeToElement(node, Options);
    }

    /// <summary>Incidents as an indented JSON array.</summary>
    public static string ToJson(IEnumerable<Incident> incidents) =>
        JsonSerializer.Serialize(incidents.Select(i => ToElement(i)), new JsonSerializerOptions(Options) { WriteIndented = true });

    /// <summary>One change as a single JSON line: <c>{"change": "opened", "incident": {...}}</c>.</summary>
    public static string ToLine(IncidentChange change) =>
        JsonSerializer.Serialize(new { change = change.Kind.ToString().ToLowerInvariant(), incident = ToElement(change.Incident) }, Options);
}
