using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DeliverabilityBot.Ingestion.Sources.Journald;

/// <summary>
/// The fields of one <c>journalctl -o json</c> entry that rebuild an MTA line: <c>__CURSOR</c>, <c>MESSAGE</c> (a string,
/// or an array of bytes when it is not UTF-8), <c>SYSLOG_IDENTIFIER</c>, <c>_PID</c> / <c>SYSLOG_PID</c>,
/// <c>_HOSTNAME</c>, <c>__REALTIME_TIMESTAMP</c> (microseconds since the epoch, as a string).
/// </summary>
/// <param name="Cursor">Where the entry is in the journal.</param>
/// <param name="Message">The message text, empty when it had none.</param>
/// <param name="Identifier">The program (<c>postfix/smtp</c>), empty when absent.</param>
/// <param name="Pid">The process id, empty when absent.</param>
/// <param name="Host">The host, <c>-</c> when absent.</param>
/// <param name="Timestamp">When it was written, or null.</param>
public sealed record JournalEntry(string Cursor, string Message, string Identifier, string Pid, string Host, DateTimeOffset? Timestamp)
{
    /// <summary>Reads one JSON line; null when it is not a journal entry with a cursor.</summary>
    public static JournalEntry? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "__CURSOR") is not { Length: > 0 } cursor) return null;
            DateTimeOffset? time = long.TryParse(Text(root, "__REALTIME_TIMESTAMP"), NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
                ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10)
                : null;
            return new JournalEntry(cursor, Text(root, "MESSAGE") ?? "", Text(root, "SYSLOG_IDENTIFIER") ?? "",
                Text(root, "SYSLOG_PID") ?? Text(root, "_PID") ?? "", Text(root, "_HOSTNAME") ?? "-", time);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A field as text: journald writes a non-UTF-8 value as an array of byte values, and a repeated field as an array of those.
    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Number:
                var bytes = new byte[value.GetArrayLength()];
                var i = 0;
                foreach (var b in value.EnumerateArray()) bytes[i++] = b.TryGetByte(out var v) ? v : (byte)'?';
                return Encoding.UTF8.GetString(bytes);
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                return Text(JsonDocument.Parse("{\"v\":" + value[0].GetRawText() + "}").RootElement, "v");
            default:
                return null;
        }
    }
}
