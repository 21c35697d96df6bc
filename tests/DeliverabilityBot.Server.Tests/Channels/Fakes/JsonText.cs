using System.Text.Json;

namespace DeliverabilityBot.Server.Tests.Channels.Fakes;

/// <summary>Every string value in a JSON document, decoded (the wire form escapes &lt; as \u003C, which would hide it).</summary>
public static class JsonText
{
    /// <summary>All string values joined by newlines.</summary>
    public static string Strings(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<string>();
        Collect(document.RootElement, values);
        return string.Join("\n", values);
    }

    private static void Collect(JsonElement element, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, values);
                }

                break;
        }
    }
}
